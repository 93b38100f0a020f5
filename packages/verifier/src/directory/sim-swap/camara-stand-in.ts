import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CamaraStandInOptions {
  host?: string;
  /** 0 (the default): a free port. */
  port?: number;
  /** The numbers (E.164) whose SIM changed, and when; every other number is served and never swapped. */
  swaps?: ReadonlyMap<string, Date>;
  /** A static bearer token, and/or the OAuth 2.0 client whose client-credentials tokens are accepted. */
  auth: { bearer?: string; clientId?: string; clientSecret?: string };
  /** How long issued tokens live (`expires_in`); default 3600 s. */
  tokenLifetimeSeconds?: number;
  clock?: () => number;
}

export interface CamaraStandIn {
  /** The API root, `http://host:port/sim-swap/v2` (platform.json `simSwap.url`). */
  url: string;
  /** The OAuth 2.0 token endpoint (`simSwap.auth.tokenUrl`). */
  tokenUrl: string;
  /** How many token requests it answered with a token. */
  readonly tokensIssued: number;
  /** The number's SIM changed at `date`; null: it never did. */
  setSwap(phoneE164: string, date: Date | null): void;
  stop(): Promise<void>;
}

const API_ROOT = '/sim-swap/v2';
const TOKEN_PATH = '/oauth2/token';
const MAX_REQUEST_BYTES = 16 * 1024;
/** CAMARA SIM Swap v2 `PhoneNumber` and `XCorrelator`. */
const PHONE_NUMBER = /^\+[1-9][0-9]{4,14}$/;
const X_CORRELATOR = /^[a-zA-Z0-9\-_:;./<>{}]{0,256}$/;

class CamaraError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A stand-in for an operator's GSMA CAMARA SIM Swap API (v2) for tests and the demo: `POST /check` and
 * `POST /retrieve-date` with a two-legged token, validated as the specification says (400 INVALID_ARGUMENT,
 * 401 UNAUTHENTICATED, 422 MISSING_IDENTIFIER), and an OAuth 2.0 client-credentials token endpoint (RFC 6749 4.4).
 */
export async function startCamaraStandIn(options: CamaraStandInOptions): Promise<CamaraStandIn> {
  const clock = options.clock ?? Date.now;
  const swaps = new Map(options.swaps);
  const issued = new Map<string, number>();
  const lifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  let tokensIssued = 0;

  const isAuthorized = (request: IncomingMessage): boolean => {
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) return false;
    if (options.auth.bearer !== undefined && sameSecret(token, options.auth.bearer)) return true;
    const expiresAt = issued.get(token);
    return expiresAt !== undefined && clock() < expiresAt;
  };

  const issueToken = (request: IncomingMessage, body: string, response: ServerResponse): void => {
    const [id, secret] = basicCredentials(request.headers.authorization);
    const { clientId, clientSecret } = options.auth;
    if (clientId === undefined || clientSecret === undefined || id !== clientId || !sameSecret(secret, clientSecret)) {
      response.setHeader('www-authenticate', 'Basic realm="camara"');
      return json(response, 401, { error: 'invalid_client' });
    }
    if (new URLSearchParams(body).get('grant_type') !== 'client_credentials') {
      return json(response, 400, { error: 'unsupported_grant_type' });
    }
    const token = randomBytes(24).toString('base64url');
    issued.set(token, clock() + lifetimeSeconds * 1000);
    tokensIssued += 1;
    response.setHeader('cache-control', 'no-store');
    json(response, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetimeSeconds });
  };

  const answerApi = (operation: string, body: string): unknown => {
    const document = parseRequest(body);
    const phoneNumber = document.phoneNumber;
    if (phoneNumber === undefined) {
      throw new CamaraError(422, 'MISSING_IDENTIFIER', 'The device cannot be identified.');
    }
    if (typeof phoneNumber !== 'string' || !PHONE_NUMBER.test(phoneNumber)) {
      throw new CamaraError(400, 'INVALID_ARGUMENT', 'phoneNumber must match ^\\+[1-9][0-9]{4,14}$.');
    }
    const swappedAt = swaps.get(phoneNumber)?.getTime();
    if (operation === 'retrieve-date') {
      return { latestSimChange: swappedAt === undefined ? null : new Date(swappedAt).toISOString() };
    }
    const maxAge = document.maxAge ?? 240;
    if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 1 || maxAge > 2400) {
      throw new CamaraError(400, 'INVALID_ARGUMENT', 'maxAge must be an integer from 1 to 2400.');
    }
    const now = clock();
    return { swapped: swappedAt !== undefined && swappedAt <= now && now - swappedAt <= maxAge * 3_600_000 };
  };

  const server = createServer((request, response) => {
    const correlator = request.headers['x-correlator'];
    if (typeof correlator === 'string' && X_CORRELATOR.test(correlator)) response.setHeader('x-correlator', correlator);
    void readBody(request).then((body) => {
      const path = request.url ?? '';
      if (request.method === 'POST' && path === TOKEN_PATH) return issueToken(request, body ?? '', response);
      const operation = path.startsWith(`${API_ROOT}/`) ? path.slice(API_ROOT.length + 1) : '';
      try {
        if (request.method !== 'POST' || !['check', 'retrieve-date'].includes(operation)) {
          throw new CamaraError(404, 'NOT_FOUND', 'The specified resource is not found.');
        }
        if (!isAuthorized(request)) {
          throw new CamaraError(
            401,
            'UNAUTHENTICATED',
            'Request not authenticated due to missing, invalid, or expired credentials.',
          );
        }
        if (body === undefined) throw new CamaraError(400, 'INVALID_ARGUMENT', 'The request body is too large.');
        json(response, 200, answerApi(operation, body));
      } catch (error) {
        if (!(error instanceof CamaraError)) throw error;
        json(response, error.status, { status: error.status, code: error.code, message: error.message });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url: `${origin}${API_ROOT}`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    get tokensIssued() {
      return tokensIssued;
    },
    setSwap: (phoneE164, date) => {
      if (date === null) swaps.delete(phoneE164);
      else swaps.set(phoneE164, date);
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseRequest(body: string): Record<string, unknown> {
  try {
    const document = JSON.parse(body) as unknown;
    if (typeof document === 'object' && document !== null && !Array.isArray(document)) {
      return document as Record<string, unknown>;
    }
  } catch {
    // answered below
  }
  throw new CamaraError(400, 'INVALID_ARGUMENT', 'Client specified an invalid argument, request body or query param.');
}

/** The body as text; undefined when larger than MAX_REQUEST_BYTES. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
  });
}

function basicCredentials(header: string | undefined): [string, string] {
  const encoded = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return ['', ''];
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return ['', ''];
  try {
    return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
  } catch {
    return ['', ''];
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
