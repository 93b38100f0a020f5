import type { SimSwapServiceConfig } from '../../config/risk-services-schema.js';
import { secretFromEnv } from '../../config/env-secret.js';
import { jsonObject, postForJson } from '../post-for-json.js';

/** The `Authorization` header of the CAMARA requests. */
export interface AccessTokens {
  /**
   * The header to send now: the static bearer token, or a client-credentials token fetched when none is fresh,
   * within `deadline` (checks that join a fetch under way share the first one's deadline, which ends sooner).
   */
  current(deadline: AbortSignal): Promise<string>;
  /** The service answered 401 to `header`: forgets it (unless a newer one replaced it). Whether to try once more. */
  refused(header: string): boolean;
}

/** A token endpoint's failure, in words fit for a log line (never a secret or a token). */
export class TokenEndpointError extends Error {
  override name = 'TokenEndpointError';
}

/** How long a token without `expires_in` is used (RFC 6749 5.1 only recommends the field). */
const DEFAULT_LIFETIME_SECONDS = 60;
/** A token is replaced this long before it expires, so that no request carries one that expires on the way. */
const REFRESH_MARGIN_MS = 30_000;
/** RFC 6750 2.1 b64token: anything else could not travel in a header. */
const B64_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function accessTokens(
  auth: SimSwapServiceConfig['auth'],
  options: { env: NodeJS.ProcessEnv; clock: () => number },
): AccessTokens {
  const secret = secretFromEnv('platform.json simSwap.auth.secretEnv', auth.secretEnv, options.env);
  if (auth.type === 'bearer') {
    const header = `Bearer ${secret}`;
    // A static token stays refused: asking again with it cannot help.
    return { current: () => Promise.resolve(header), refused: () => false };
  }
  let cached: { header: string; refreshAt: number } | undefined;
  let fetching: Promise<string> | undefined;
  const fetchToken = async (deadline: AbortSignal): Promise<string> => {
    const token = await requestToken(auth, secret, deadline);
    const lifetimeMs = token.expiresInSeconds * 1000;
    cached = {
      header: `Bearer ${token.accessToken}`,
      refreshAt: options.clock() + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2),
    };
    return cached.header;
  };
  return {
    current: (deadline) => {
      if (cached !== undefined && options.clock() < cached.refreshAt) return Promise.resolve(cached.header);
      // One request for a token at a time: concurrent checks wait for the same one.
      fetching ??= fetchToken(deadline).finally(() => {
        fetching = undefined;
      });
      return fetching;
    },
    refused: (header) => {
      if (cached?.header === header) cached = undefined;
      return true;
    },
  };
}

type ClientCredentials = Extract<SimSwapServiceConfig['auth'], { type: 'client_credentials' }>;

/** RFC 6749 4.4: the client credentials grant, the client authenticated by HTTP Basic (2.3.1). */
async function requestToken(
  auth: ClientCredentials,
  secret: string,
  deadline: AbortSignal,
): Promise<{ accessToken: string; expiresInSeconds: number }> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scope !== undefined) form.set('scope', auth.scope);
  const basic = Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  const answer = await postForJson(
    auth.tokenUrl,
    {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    form.toString(),
    deadline,
  );
  const body = jsonObject(answer.json);
  const accessToken = body?.access_token;
  const tokenType = body?.token_type;
  const expiresIn = body?.expires_in;
  if (answer.status !== 200 || typeof accessToken !== 'string' || !B64_TOKEN.test(accessToken)) {
    throw new TokenEndpointError(`the token endpoint answered HTTP ${answer.status} without an access token`);
  }
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
    throw new TokenEndpointError('the token endpoint issued a token that is not a bearer token');
  }
  const expiresInSeconds =
    typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_SECONDS;
  return { accessToken, expiresInSeconds };
}
