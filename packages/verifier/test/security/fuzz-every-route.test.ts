/**
 * Property (fast-check): over every route — each POST and GET of the contract, /v1/redemptions,
 * /v1/brands/:brand, the dev inbox and template pages, and unknown paths and methods — at least 10,000 generated
 * bad requests (bodies, headers, content types, credentials, path parameters, query strings, methods) never get a 5xx;
 * every 4xx is problem+json whose `status` matches; no stack trace leaks; the verifier logs no internal
 * error and is still healthy afterwards.
 *
 * Requirements: OWASP ASVS 5.0 V2.2 input validation (strict schemas, positive validation) and V16.5 error
 * handling (no stack traces or internal details in error responses); API.md "Errors: problem+json … Never a stack
 * trace"; the issue's "property-based fuzz test of every route with at least 10,000 generated bad requests".
 * Built in: src/http/app.ts (16 KB JSON limit, UTF-8 only), src/http/problem.ts (every error → problem+json),
 * src/http/request-parts.ts (parseBody, bearerToken), src/http/routes/* (405 for other methods).
 */
import { METHODS } from 'node:http';
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { ERROR_STATUS, problemSchema } from '@otp-verify/protocol';
import type { ErrorCode } from '@otp-verify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, sessionWithCode, verifiedToken } from '../support/api.js';
import { ACME, GLOBEX, INITECH, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';

const RUNS = 200;
const BATCH = 50;
const CONCURRENCY = 8;

let fixture: VerifierFixture;
let session: { id: string; clientSecret: string; code: string };
let token: string;
let agent: Agent;

beforeAll(async () => {
  fixture = await startTestVerifier();
  session = await sessionWithCode(fixture.api, uniqueMobile());
  token = (await verifiedToken(fixture.api, uniqueMobile())).token;
  agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
});
afterAll(async () => {
  agent.destroy();
  await fixture.dispose();
});

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

function send(url: string, fuzz: FuzzRequest): Promise<FuzzResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method: fuzz.method,
        path: fuzz.path,
        agent,
        headers: {
          ...(fuzz.body === undefined || fuzz.headers['transfer-encoding'] !== undefined
            ? {}
            : { 'content-length': fuzz.body.length }),
          ...fuzz.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(fuzz.body);
  });
}

// ---- generators -------------------------------------------------------------------------------------------

const pathSegment = fc.oneof(
  fc.constantFrom('ses_x', 'acme', 'globex', 'ACME', '..', '.', '%2e%2e', '%2F', '%00', '%', '%ZZ', '%E0%A4%A', ''),
  fc.constantFrom('%C0%AE', '%F0%9F%98%80', '%20', 'a'.repeat(300), "'%20OR%201=1--", '%7B%22%24gt%22%3A%22%22%7D'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
);

const sessionId = fc.oneof(
  fc.constant('SESSION'),
  fc.constant('SESSION'),
  pathSegment,
  fc.stringMatching(/^ses_[A-Za-z0-9_-]{0,40}$/),
);

const route = fc.oneof(
  sessionId.map((id) => `/v1/sessions/${id}/check`),
  sessionId.map((id) => `/v1/sessions/${id}/send`),
  sessionId.map((id) => `/v1/sessions/${id}`),
  fc.constant('/v1/sessions'),
  fc.constant('/v1/redemptions'),
  fc.oneof(fc.constantFrom(ACME.id, GLOBEX.id, INITECH.id), pathSegment).map((brand) => `/v1/brands/${brand}`),
  fc.constantFrom('/.well-known/jwks.json', '/v1/openapi.json', '/healthz', '/readyz', '/metrics'),
  fc.constantFrom('/dev/inbox', '/dev/inbox/messages', '/dev/templates'),
  fc.array(pathSegment, { minLength: 0, maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
  fc.constantFrom('/v1', '/v2/sessions', '/v1/sessions/', '//v1/sessions', '/v1/sessions/x/check/extra', '/.env'),
  fc.constantFrom('/v1/sessions/SESSION/check/', '/V1/SESSIONS', '/v1/redemptions/1', '/dev/inbox/messages/1'),
);

const query = fc.oneof(
  fc.constant(''),
  fc.constant(''),
  fc.constantFrom('?to=%2B4917012345678', '?to=1&to=2', '?to[]=1', '?to[$gt]=', '?to=%E0%A4%A', '?to=', '?foo=bar'),
  fc.constantFrom('?__proto__[x]=1', '?constructor[prototype][x]=1', `?to=${'1'.repeat(5000)}`, '?%', '?&&&='),
  fc
    .dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 4 })
    .map((entries) => `?${new URLSearchParams(entries)}`),
);

const methods = METHODS.filter((method) => method !== 'CONNECT');
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
  { weight: 3, arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD') },
  { weight: 1, arbitrary: fc.constantFrom(...methods) },
);

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('CLIENT_SECRET', 'SECRET_KEY', 'OTHER_SECRET_KEY', 'Bearer', 'Bearer ', 'Basic YTpi', 'bearer x'),
  headerValue.map((value) => `Bearer ${value}`),
  fc.stringMatching(/^sk_[A-Za-z0-9_]{0,40}$/).map((key) => `Bearer ${key}`),
  fc.constant(`Bearer ${'a'.repeat(600)}`),
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=utf-32',
      'application/json; charset=latin1',
      'application/problem+json',
      'application/merge-patch+json',
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '*/*',
      'application/json; charset=',
      'application/json; charset="utf-8"; charset=utf-16',
      '',
    ),
  },
  { weight: 1, arbitrary: headerValue },
);

const extraHeaders = fc.record(
  {
    origin: fc.oneof(
      fc.constantFrom(ACME.origin, GLOBEX.origin, 'https://evil.test', 'null', ACME.origin.toUpperCase()),
      headerValue,
    ),
    'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip'),
    'if-none-match': headerValue,
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/problem+json'),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', '127.0.0.1, 10.0.0.1', 'garbage', '::1'),
    'transfer-encoding': fc.constant('chunked'),
  },
  { requiredKeys: [] },
);

const validishBody = fc.constantFrom(
  () => ({ brand: ACME.id, order: order(), phone: '+4917012399999' }),
  () => ({ code: '123456' }),
  () => ({ code: session.code }),
  () => ({ token, order: order() }),
  () => ({ token }),
  () => ({ phone: '+4917012399998' }),
  () => ({}),
);

/** A valid-looking body with one field replaced, added or nested: the "near miss" bad request. */
const mutatedBody = fc
  .tuple(validishBody, fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))
  .map(([make, key, value]) => {
    const body = make() as Record<string, unknown>;
    const keys = Object.keys(body);
    const target = keys.length > 0 && key.length % 2 === 0 ? (keys[key.length % keys.length] as string) : key;
    return JSON.stringify({ ...body, [target]: value });
  });

const body = fc.oneof(
  { weight: 4, arbitrary: mutatedBody },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '{"code":"1",}',
      '[]',
      'null',
      '"x"',
      '1e400',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      JSON.stringify({ code: '123456', pad: 'x'.repeat(17 * 1024) }),
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '\uFEFF{"code":"123456"}',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const fuzzRequest = fc
  .record({ method, route, query, authorization, contentType, extraHeaders, body })
  .map((parts): FuzzRequest => {
    const headers: Record<string, string> = { ...parts.extraHeaders };
    if (parts.authorization !== undefined) headers.authorization = parts.authorization;
    if (parts.contentType !== undefined) headers['content-type'] = parts.contentType;
    // Chunked only where there is a body to chunk (a bodiless chunked request is just an empty body).
    if (parts.body === undefined || parts.method === 'HEAD') delete headers['transfer-encoding'];
    return {
      method: parts.method,
      path: `${parts.route}${parts.query}`,
      headers,
      ...(parts.body === undefined || parts.method === 'HEAD' ? {} : { body: Buffer.from(parts.body) }),
    };
  });

/** Fills in the live credentials (the session, its client secret, the brands' secret keys). */
function live(fuzz: FuzzRequest): FuzzRequest {
  const authorization = fuzz.headers.authorization
    ?.replace(/^CLIENT_SECRET$/, `Bearer ${session.clientSecret}`)
    .replace(/^SECRET_KEY$/, `Bearer ${ACME.secretKey}`)
    .replace(/^OTHER_SECRET_KEY$/, `Bearer ${GLOBEX.secretKey}`);
  return {
    ...fuzz,
    path: fuzz.path.replaceAll('SESSION', session.id),
    headers: { ...fuzz.headers, ...(authorization === undefined ? {} : { authorization }) },
  };
}

function describeRequest(fuzz: FuzzRequest): string {
  const body = fuzz.body === undefined ? '' : ` body=${JSON.stringify(fuzz.body.toString('utf8').slice(0, 120))}`;
  return `${fuzz.method} ${fuzz.path.slice(0, 120)} headers=${JSON.stringify(fuzz.headers).slice(0, 300)}${body}`;
}

function checkResponse(fuzz: FuzzRequest, response: FuzzResponse): void {
  const summary = `${describeRequest(fuzz)} → ${response.status} ${response.contentType} ${response.text.slice(0, 200)}`;
  expect(response.status, summary).toBeLessThan(500);
  expect(response.status, summary).toBeGreaterThanOrEqual(200);
  expect(response.text, summary).not.toMatch(/\n\s+at |node_modules|\.(?:ts|js):\d+/);
  if (response.status < 400) return;
  expect(response.contentType, summary).toMatch(/^application\/problem\+json/);
  if (fuzz.method === 'HEAD') return;
  const problem = problemSchema.parse(JSON.parse(response.text));
  expect(problem.status, summary).toBe(response.status);
  expect(ERROR_STATUS[problem.code as ErrorCode], summary).toBe(response.status);
}

interface Counter {
  sent: number;
  byStatus: Record<number, number>;
}

async function runBatch(requests: FuzzRequest[], counter: Counter): Promise<void> {
  let next = 0;
  const failures: Error[] = [];
  const worker = async () => {
    while (next < requests.length) {
      const fuzz = live(requests[next++] as FuzzRequest);
      try {
        const response = await send(fixture.url, fuzz);
        counter.byStatus[response.status] = (counter.byStatus[response.status] ?? 0) + 1;
        checkResponse(fuzz, response);
      } catch (error) {
        failures.push(error as Error);
      }
      counter.sent += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failures.length > 0) throw failures[0];
}

describe('fuzzing every route', () => {
  it(`${RUNS * BATCH} generated bad requests: no 5xx, problem+json on every 4xx, still healthy`, async () => {
    const counter: Counter = { sent: 0, byStatus: {} };
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzRequest, { minLength: BATCH, maxLength: BATCH }), (requests) =>
        runBatch(requests, counter),
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), verbose: 1 },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz-every-route: ${counter.sent} requests in ${seconds.toFixed(1)} s; by status ${JSON.stringify(counter.byStatus)}`,
    );
    expect(counter.sent).toBeGreaterThanOrEqual(10_000);

    const health = await send(fixture.url, { method: 'GET', path: '/healthz', headers: {} });
    expect(health.status).toBe(200);
    const ready = await send(fixture.url, { method: 'GET', path: '/readyz', headers: {} });
    expect(ready.status).toBe(200);
    const jwks = await send(fixture.url, { method: 'GET', path: '/.well-known/jwks.json', headers: {} });
    expect(JSON.parse(jwks.text)).toMatchObject({ keys: [expect.objectContaining({ kid: expect.any(String) })] });
    expect(fixture.logs.filter((entry) => entry.level >= 50)).toEqual([]);
  }, 180_000);
});
