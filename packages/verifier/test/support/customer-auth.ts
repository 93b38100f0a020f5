import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { brandRegistry, sha256Hex } from '../../src/config/brands.js';
import type { BrandRegistry } from '../../src/config/brands.js';
import { rawTestBrands } from './brands.js';
import { CLOCK_START } from './clock.js';

/** A brand whose customers log in at the brand's own OIDC issuer and whose checkout server knows them by reference. */
export const UMBRELLA = {
  id: 'umbrella',
  displayName: 'Umbrella Mobile',
  origin: 'https://shop.umbrella.test',
  audience: 'https://shop.umbrella.test/checkout',
  clientId: 'umbrella-shop',
  secretKey: 'sk_test_umbrella_0c1d2e3f4a5b6c7d',
  directoryToken: 'directory-credential-4711',
} as const;

interface Listening {
  server: Server;
  url: string;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export interface SignOptions {
  claims?: JWTPayload;
  /** Seconds relative to the verifier's test clock. */
  issuedAt?: number;
  expiresIn?: number;
  issuer?: string;
  audience?: string;
  key?: CryptoKey;
  kid?: string;
  alg?: string;
  /** The `sub` claim; null leaves it out. */
  subject?: string | null;
}

/** A brand's customer-auth OIDC issuer on 127.0.0.1: serves its JWKS and signs ID tokens, as the test asks. */
export interface TestIssuer {
  url: string;
  kid: string;
  /** JWKS requests served so far. */
  jwksRequests: number;
  /** An ID token for `sub` with the given phone claims, signed by the issuer's key unless told otherwise. */
  idToken(phoneClaims: JWTPayload, options?: SignOptions): Promise<string>;
  stop(): Promise<void>;
}

export async function startIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const kid = 'issuer-key-1';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const issuer: TestIssuer = {
    url: '',
    kid,
    jwksRequests: 0,
    async idToken(phoneClaims, options = {}) {
      const issuedAt = Math.floor(CLOCK_START / 1000) + (options.issuedAt ?? -60);
      const jwt = new SignJWT({ ...phoneClaims, ...options.claims })
        .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? issuer.url)
        .setAudience(options.audience ?? UMBRELLA.clientId);
      if (options.subject !== null) jwt.setSubject(options.subject ?? 'customer-42');
      return jwt
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + (options.expiresIn ?? 3600))
        .sign(options.key ?? privateKey);
    },
    stop: () => close(listening.server),
  };
  const listening = await listen((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      issuer.jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  issuer.url = listening.url;
  return issuer;
}

export type DirectoryBehaviour =
  | { kind: 'customer'; phoneNumber: string | null; verified: boolean }
  | { kind: 'status'; status: number; body?: string }
  /** Answers `failures` times with `status` (or hangs when status is 'hang'), then as `then`. */
  | { kind: 'flaky'; failures: number; status: number | 'hang'; then: DirectoryBehaviour }
  | { kind: 'hang' };

export interface DirectoryRequest {
  method: string;
  customerRef: string | undefined;
  brand: string | undefined;
  authorization: string | undefined;
}

/** A brand's customer directory on 127.0.0.1, answering each customerRef as the test scripted; 404 otherwise. */
export interface TestDirectory {
  url: string;
  customers: Map<string, DirectoryBehaviour>;
  requests: DirectoryRequest[];
  requestsFor(customerRef: string): number;
  stop(): Promise<void>;
}

export async function startDirectory(): Promise<TestDirectory> {
  const customers = new Map<string, DirectoryBehaviour>();
  const requests: DirectoryRequest[] = [];
  const seen = new Map<string, number>();
  const answer = (res: ServerResponse, behaviour: DirectoryBehaviour | undefined, attempt: number): void => {
    if (behaviour === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"unknown customer"}');
    } else if (behaviour.kind === 'customer') {
      const body = { phoneNumber: behaviour.phoneNumber, phoneNumberVerified: behaviour.verified };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } else if (behaviour.kind === 'status') {
      res.writeHead(behaviour.status, { 'content-type': 'application/json' }).end(behaviour.body ?? '{}');
    } else if (behaviour.kind === 'flaky') {
      if (attempt > behaviour.failures) answer(res, behaviour.then, attempt);
      else if (behaviour.status !== 'hang') res.writeHead(behaviour.status).end();
    }
    // 'hang': never answers; the verifier's per-attempt timeout must end the wait.
  };
  const listening = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://directory');
      let customerRef = url.searchParams.get('customerRef') ?? undefined;
      let brand: string | undefined;
      if (req.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
        customerRef = body.customerRef;
        brand = body.brand;
      }
      requests.push({ method: req.method ?? '', customerRef, brand, authorization: req.headers.authorization });
      const attempt = (seen.get(customerRef ?? '') ?? 0) + 1;
      seen.set(customerRef ?? '', attempt);
      answer(res, customerRef === undefined ? undefined : customers.get(customerRef), attempt);
    });
  });
  return {
    url: listening.url,
    customers,
    requests,
    requestsFor: (customerRef) => requests.filter((request) => request.customerRef === customerRef).length,
    stop: () => close(listening.server),
  };
}

export interface CustomerAuthBrandOptions {
  issuerUrl?: string;
  jwksTimeoutMs?: number;
  directoryUrl?: string;
  directory?: Record<string, unknown>;
  countries?: string[];
  /** The built-in per-number limit (5 sends an hour, 10 a day) instead of the generous test one; per-IP stays generous. */
  defaultPhoneLimits?: boolean;
}

/** The test brands plus UMBRELLA, whose customer auth and directory point at the given local servers. */
export function customerAuthBrands(options: CustomerAuthBrandOptions): BrandRegistry {
  const raw = rawTestBrands();
  if (options.defaultPhoneLimits === true) delete raw.limits?.sendsPerPhone;
  raw.brands.push({
    id: UMBRELLA.id,
    displayName: UMBRELLA.displayName,
    allowedOrigins: [UMBRELLA.origin],
    audience: UMBRELLA.audience,
    countries: options.countries ?? ['DE'],
    defaultCountry: 'DE',
    locales: ['en'],
    guestCheckout: false,
    secretKeys: [{ id: 'test', sha256: sha256Hex(UMBRELLA.secretKey) }],
    ...(options.issuerUrl === undefined
      ? {}
      : {
          customerAuth: {
            issuer: options.issuerUrl,
            audience: UMBRELLA.clientId,
            ...(options.jwksTimeoutMs === undefined ? {} : { jwksTimeoutMs: options.jwksTimeoutMs }),
          },
        }),
    ...(options.directoryUrl === undefined
      ? {}
      : {
          directory: {
            url: `${options.directoryUrl}/customers/lookup`,
            timeoutMs: 300,
            retries: 2,
            headers: { Authorization: `Bearer ${UMBRELLA.directoryToken}` },
            ...options.directory,
          },
        }),
  });
  return brandRegistry(raw, 'test brands with customer auth');
}

/** The body of a server-to-server session creation for a customer reference. */
export function customerRefSession(customerRef: string, orderId = 'order-2001') {
  return { brand: UMBRELLA.id, order: { id: orderId, amount: 64900, currency: 'EUR' }, customerRef };
}
