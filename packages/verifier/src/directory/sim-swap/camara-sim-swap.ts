import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { SimSwapServiceConfig } from '../../config/risk-services-schema.js';
import type { JsonAnswer } from '../post-for-json.js';
import { jsonObject, postForJson } from '../post-for-json.js';
import type { AccessTokens } from './camara-access-token.js';
import { TokenEndpointError, accessTokens } from './camara-access-token.js';
import type { SimSwapChecker } from './sim-swap-checker.js';

/** CAMARA error codes are upper-case words; anything else a service puts there is not logged. */
const CAMARA_ERROR_CODE = /^[A-Z_]{1,64}$/;

/**
 * The GSMA CAMARA SIM Swap API (v2) client: `POST {url}/check` with `{ phoneNumber, maxAge }` answers
 * `{ swapped }`. Every other answer is `unavailable` and the brand's policy (`simSwap.onUnavailable`) decides:
 * - 404 IDENTIFIER_NOT_FOUND and 422 SERVICE_NOT_APPLICABLE: the operator behind the service does not serve the
 *   number (another network, a fixed line), so it cannot say whether the SIM changed; CAMARA defines no
 *   "not swapped" for them, and treating them as one would let a ported number skip the check.
 * - 400 OUT_OF_RANGE: `maxAge` exceeds the operator's privacy threshold (CAMARA SIM Swap v2, API functionality);
 *   logged, so that the operator lowers `risk.simSwap.maxAgeHours`.
 * - 401 refetches a client-credentials token once (RFC 6750 3.1 invalid_token); 403, 429, 5xx, redirects,
 *   bodies that are not JSON, over 16 KB or of the wrong shape, and no answer within `timeoutMs`.
 * The number is never logged (OWASP ASVS v4.0.3 7.1.2): the log says the status, the CAMARA code and the
 * request's x-correlator, which the operator's own logs carry too.
 */
export function camaraSimSwap(
  config: SimSwapServiceConfig,
  options: { env: NodeJS.ProcessEnv; logger: Logger; clock?: () => number },
): SimSwapChecker {
  const tokens = accessTokens(config.auth, { env: options.env, clock: options.clock ?? Date.now });
  const checkUrl = new URL('check', config.url.endsWith('/') ? config.url : `${config.url}/`).href;
  const logger = options.logger.child({ component: 'sim-swap' });
  return {
    check: async (phoneE164, maxAgeHours) => {
      const deadline = AbortSignal.timeout(config.timeoutMs);
      const correlator = randomUUID();
      const request = JSON.stringify({ phoneNumber: phoneE164, maxAge: maxAgeHours });
      try {
        const answer = await askWithToken(checkUrl, tokens, request, correlator, deadline);
        const swapped = jsonObject(answer.json)?.swapped;
        if (answer.status === 200 && typeof swapped === 'boolean') return swapped ? 'swapped' : 'not_swapped';
        logger.warn(
          { status: answer.status, code: camaraCode(answer), correlator },
          'the SIM-swap service did not answer the check; the number counts as unavailable',
        );
      } catch (error) {
        logger.warn(
          { problem: unreachable(error, deadline, config.timeoutMs), correlator },
          'the SIM-swap service could not be asked; the number counts as unavailable',
        );
      }
      return 'unavailable';
    },
  };
}

async function askWithToken(
  url: string,
  tokens: AccessTokens,
  body: string,
  correlator: string,
  signal: AbortSignal,
): Promise<JsonAnswer> {
  const ask = async (authorization: string) =>
    postForJson(
      url,
      { authorization, 'content-type': 'application/json', accept: 'application/json', 'x-correlator': correlator },
      body,
      signal,
    );
  const authorization = await tokens.current(signal);
  const answer = await ask(authorization);
  if (answer.status !== 401 || !tokens.refused(authorization)) return answer;
  return ask(await tokens.current(signal));
}

function camaraCode(answer: JsonAnswer): string | undefined {
  const code = jsonObject(answer.json)?.code;
  return typeof code === 'string' && CAMARA_ERROR_CODE.test(code) ? code : undefined;
}

function unreachable(error: unknown, deadline: AbortSignal, timeoutMs: number): string {
  if (deadline.aborted) return `no answer within ${timeoutMs} ms`;
  if (error instanceof TokenEndpointError) return error.message;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return `could not be reached${typeof cause?.code === 'string' ? ` (${cause.code})` : ''}`;
}
