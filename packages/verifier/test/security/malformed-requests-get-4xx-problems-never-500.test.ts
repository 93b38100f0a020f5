/**
 * The requirement: "A bad request to any endpoint (malformed JSON, missing fields, wrong types,
 * oversized body) gets a 4xx problem+json, never a 500 or a crash". Table-driven over every endpoint.
 */
import fc from 'fast-check';
import type { ErrorCode } from '@otp-verify/protocol';
import { ERROR_STATUS, problemSchema } from '@otp-verify/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, sessionWithCode, verifiedToken } from '../support/api.js';
import { ACME, uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import type { RawResponse } from '../support/raw-http.js';
import { rawRequest } from '../support/raw-http.js';

let fixture: VerifierFixture;
/** A session with a code sent (so send and check reach their full validation). */
let session: { id: string; clientSecret: string; code: string };
/** A verified, unredeemed token of acme. */
let token: string;

beforeAll(async () => {
  fixture = await startTestVerifier();
  session = await sessionWithCode(fixture.api, uniqueMobile());
  token = (await verifiedToken(fixture.api, uniqueMobile())).token;
});

afterAll(async () => {
  // Nothing malformed consumed an attempt, a send or the token.
  const view = await fixture.api.getSession(session.id, session.clientSecret);
  expect(view.body).toMatchObject({ status: 'sent', attemptsLeft: 5, sendsLeft: 4 });
  expect((await fixture.api.redeem(ACME.secretKey, { token })).status).toBe(200);
  expect(fixture.logs.filter((entry) => entry.level >= 50)).toEqual([]);
  await fixture.dispose();
});

function expectClientProblem(response: RawResponse, codes: readonly ErrorCode[]): void {
  const summary = `${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, summary).toBeGreaterThanOrEqual(400);
  expect(response.status, summary).toBeLessThan(500);
  expect(response.contentType, summary).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(response.body);
  expect(codes, summary).toContain(problem.code);
  expect(problem.status).toBe(response.status);
  expect(ERROR_STATUS[problem.code as ErrorCode]).toBe(response.status);
  expect(response.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

async function expectStillServing(): Promise<void> {
  const health = await rawRequest(fixture.url, { method: 'GET', path: '/healthz' });
  expect(health.status).toBe(200);
}

interface PostRoute {
  name: string;
  path: () => string;
  headers: () => Record<string, string>;
  /** A body the route would accept; the malformed cases are variations of it. */
  valid: () => Record<string, unknown>;
  missingFields: () => unknown[];
  wrongTypes: () => unknown[];
  /** Send takes `{}` (every field optional): an empty body is a valid request there. */
  emptyBodyIsValid: boolean;
}

const POST_ROUTES: PostRoute[] = [
  {
    name: 'POST /v1/sessions',
    path: () => '/v1/sessions',
    headers: () => ({ origin: ACME.origin }),
    valid: () => ({ brand: ACME.id, order: order(), phone: '+491701234567' }),
    missingFields: () => [
      {},
      { brand: ACME.id },
      { order: order() },
      { brand: ACME.id, order: { id: 'o-1', amount: 100 } },
      { brand: ACME.id, order: { amount: 100, currency: 'EUR' } },
    ],
    wrongTypes: () => {
      const base = { brand: ACME.id, phone: '+491701234567' };
      return [
        { ...base, order: order({ amount: '12999' as unknown as number }) },
        { ...base, order: order({ amount: 12.5 }) },
        { ...base, order: order({ amount: -1 }) },
        { ...base, order: order({ amount: 1e14 }) },
        { ...base, order: { ...order(), amount: null } },
        { ...base, order: order({ currency: 'eur' }) },
        { ...base, order: order({ currency: 'EURO' }) },
        { ...base, order: order({ currency: 'ZZZ' }) },
        { ...base, order: order({ id: '' }) },
        { ...base, order: order({ id: 'a'.repeat(129) }) },
        { ...base, order: [order()] },
        { ...base, order: 'order-1' },
        { ...base, brand: 42, order: order() },
        { ...base, brand: 'ACME', order: order() },
        { ...base, brand: ['acme'], order: order() },
        { ...base, order: order(), phone: 491701234567 },
        { ...base, order: order(), phone: '' },
        { ...base, order: order(), phone: '+49'.padEnd(33, '1') },
        { ...base, order: order(), country: 'de' },
        { ...base, order: order(), country: 'DEU' },
        { ...base, order: order(), locale: 'not a locale!' },
        { ...base, order: order(), customerToken: {} },
        { ...base, order: order(), email: 'not-an-email' },
        { ...base, order: order(), phone: { $gt: '' } },
      ];
    },
    emptyBodyIsValid: false,
  },
  {
    name: 'POST /v1/sessions/{id}/send',
    path: () => `/v1/sessions/${session.id}/send`,
    headers: () => ({ origin: ACME.origin, authorization: `Bearer ${session.clientSecret}` }),
    valid: () => ({}),
    missingFields: () => [],
    wrongTypes: () => [
      { phone: 491701234567 },
      { phone: null },
      { phone: '' },
      { phone: { $gt: '' } },
      { country: 'Germany' },
      { country: 49 },
      { channel: 'pigeon' },
      { channel: ['sms'] },
      { channel: 'SMS' },
    ],
    emptyBodyIsValid: true,
  },
  {
    name: 'POST /v1/sessions/{id}/check',
    path: () => `/v1/sessions/${session.id}/check`,
    headers: () => ({ origin: ACME.origin, authorization: `Bearer ${session.clientSecret}` }),
    valid: () => ({ code: session.code }),
    missingFields: () => [{}, { Code: session.code }],
    wrongTypes: () =>
      [
        Number(session.code),
        '١٢٣٤٥٦',
        '۱۲۳۴۵۶',
        '１２３４５６',
        ` ${session.code}`,
        `${session.code} `,
        `${session.code}\n`,
        `+${session.code.slice(1)}`,
        `${session.code.slice(0, 3)}\u0000${session.code.slice(3)}`,
        { $gt: '' },
        { $ne: null },
        [session.code],
        null,
        true,
        '',
        '12345',
        '12345678901',
        '12345a',
        '1e5555',
      ].map((code) => ({ code })),
    emptyBodyIsValid: false,
  },
  {
    name: 'POST /v1/redemptions',
    path: () => '/v1/redemptions',
    headers: () => ({ authorization: `Bearer ${ACME.secretKey}` }),
    valid: () => ({ token, order: order() }),
    missingFields: () => [{}, { order: order() }],
    wrongTypes: () => [
      { token: 42 },
      { token: {} },
      { token: [token] },
      { token: null },
      { token: '' },
      { token: 'x'.repeat(8193) },
      { token, order: { ...order(), amount: '12999' } },
      { token, order: order({ amount: 12.5 }) },
      { token, order: [order()] },
      { token, order: { ...order(), extra: 1 } },
    ],
    emptyBodyIsValid: false,
  },
];

const BAD_REQUEST: ErrorCode[] = ['invalid_request'];

/** Cases every POST route gets: [name, raw body, extra headers, the error codes allowed]. */
function genericCases(route: PostRoute): [string, string | Buffer, Record<string, string>, ErrorCode[]][] {
  const json = { 'content-type': 'application/json' };
  const valid = JSON.stringify(route.valid());
  const cases: [string, string | Buffer, Record<string, string>, ErrorCode[]][] = [
    ['malformed JSON (truncated)', valid.slice(0, -1) || '{', json, BAD_REQUEST],
    ['malformed JSON (trailing comma)', '{"code":"1",}', json, BAD_REQUEST],
    ['malformed JSON (single quotes)', "{'brand':'acme'}", json, BAD_REQUEST],
    ['malformed JSON (garbage)', 'not json at all', json, BAD_REQUEST],
    ['a JSON array', '[]', json, BAD_REQUEST],
    ['an array holding the valid body', `[${valid}]`, json, BAD_REQUEST],
    ['a JSON string', '"hello"', json, BAD_REQUEST],
    ['null', 'null', json, BAD_REQUEST],
    ['a number', '42', json, BAD_REQUEST],
    ['true', 'true', json, BAD_REQUEST],
    ['an unknown extra field', JSON.stringify({ ...route.valid(), admin: true }), json, BAD_REQUEST],
    ['a __proto__ key', `{"__proto__":{"admin":true},${valid.slice(1)}`.replace(',}', '}'), json, BAD_REQUEST],
    [
      'a constructor.prototype key',
      JSON.stringify({ ...route.valid(), constructor: { prototype: { admin: true } } }),
      json,
      BAD_REQUEST,
    ],
    ['a number too large for a double', valid.replace(/^\{/, '{"n":1e400,'), json, BAD_REQUEST],
    ['3000 levels of nesting', `${'['.repeat(3000)}${']'.repeat(3000)}`, json, BAD_REQUEST],
    ['a 20 KB body', JSON.stringify({ ...route.valid(), pad: 'x'.repeat(20 * 1024) }), json, ['payload_too_large']],
    ['a 1 MB body', JSON.stringify({ ...route.valid(), pad: 'x'.repeat(1024 * 1024) }), json, ['payload_too_large']],
    ['Content-Type text/plain', valid, { 'content-type': 'text/plain' }, ['unsupported_media_type']],
    ['no Content-Type', valid, {}, ['unsupported_media_type']],
    ['a form body', 'code=123456', { 'content-type': 'application/x-www-form-urlencoded' }, ['unsupported_media_type']],
    [
      'charset iso-8859-1',
      valid,
      { 'content-type': 'application/json; charset=iso-8859-1' },
      ['unsupported_media_type'],
    ],
    ['charset shift_jis', valid, { 'content-type': 'application/json; charset=shift_jis' }, ['unsupported_media_type']],
    [
      'invalid UTF-8 bytes',
      Buffer.concat([Buffer.from('{"code":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
      json,
      BAD_REQUEST,
    ],
    ['Content-Encoding gzip that is not gzip', valid, { ...json, 'content-encoding': 'gzip' }, BAD_REQUEST],
    ['an unknown Content-Encoding', valid, { ...json, 'content-encoding': 'x-unknown' }, ['unsupported_media_type']],
  ];
  if (!route.emptyBodyIsValid) {
    cases.push(['an empty body', '', json, BAD_REQUEST]);
    cases.push(['an empty body without Content-Type', '', {}, BAD_REQUEST]);
  }
  for (const [index, body] of route.missingFields().entries()) {
    cases.push([`missing fields #${index + 1}: ${JSON.stringify(body)}`, JSON.stringify(body), json, BAD_REQUEST]);
  }
  for (const body of route.wrongTypes()) {
    cases.push([`wrong type: ${JSON.stringify(body).slice(0, 80)}`, JSON.stringify(body), json, BAD_REQUEST]);
  }
  return cases;
}

describe.each(POST_ROUTES)('$name with a bad body', (route) => {
  it('answers every malformed variant with a 4xx problem+json and keeps serving', async () => {
    const cases = genericCases(route);
    expect(cases.length).toBeGreaterThan(20);
    for (const [name, body, headers, codes] of cases) {
      const response = await rawRequest(fixture.url, {
        method: 'POST',
        path: route.path(),
        headers: { ...route.headers(), ...headers },
        body,
      });
      try {
        expectClientProblem(response, codes);
      } catch (error) {
        throw new Error(`${route.name}, ${name}: ${(error as Error).message}`, { cause: error });
      }
    }
    await expectStillServing();
  });

  it('answers arbitrary JSON values and arbitrary text with a 4xx, never a 500 (property)', async () => {
    const routeCodes: ErrorCode[] = ['invalid_request', 'unsupported_media_type', 'payload_too_large'];
    // An accepted-but-empty send body is rate limited: the session already has a fresh code.
    if (route.emptyBodyIsValid) routeCodes.push('rate_limited');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
          fc.string({ unit: 'binary', maxLength: 200 }),
        ),
        async (body) => {
          const response = await rawRequest(fixture.url, {
            method: 'POST',
            path: route.path(),
            headers: { ...route.headers(), 'content-type': 'application/json' },
            body,
          });
          expectClientProblem(response, routeCodes);
        },
      ),
      { numRuns: 60 },
    );
    await expectStillServing();
  });
});

const ODD_PARAMS = [
  'a'.repeat(4000),
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '..%2f',
  '..',
  '%2e%2e',
  '%E0%A4%A',
  '%',
  '%ZZ',
  '%C0%AE%C0%AE',
  '%F0%9F%98%80',
  '%20',
  'ses_x%0D%0ASet-Cookie:%20a=b',
  "ses_x'%20OR%20'1'='1",
  '%7B%22%24gt%22%3A%22%22%7D',
];

const NOT_FOUND_OR_BAD: ErrorCode[] = ['invalid_request', 'session_not_found', 'unknown_brand', 'not_found'];

const PARAM_ROUTES: { name: string; method: string; path: (param: string) => string; body?: () => unknown }[] = [
  { name: 'GET /v1/sessions/{id}', method: 'GET', path: (id) => `/v1/sessions/${id}` },
  { name: 'POST /v1/sessions/{id}/send', method: 'POST', path: (id) => `/v1/sessions/${id}/send`, body: () => ({}) },
  {
    name: 'POST /v1/sessions/{id}/check',
    method: 'POST',
    path: (id) => `/v1/sessions/${id}/check`,
    body: () => ({ code: '123456' }),
  },
  { name: 'GET /v1/brands/{brand}', method: 'GET', path: (brand) => `/v1/brands/${brand}` },
];

describe.each(PARAM_ROUTES)('$name with odd path parameters', (route) => {
  it.each(ODD_PARAMS.map((param) => [param.length > 40 ? `${param.slice(0, 20)}… (${param.length})` : param, param]))(
    '%s → 4xx problem+json',
    async (_label, param) => {
      const body = route.body?.();
      const response = await rawRequest(fixture.url, {
        method: route.method,
        path: route.path(param),
        headers: {
          origin: ACME.origin,
          authorization: `Bearer ${session.clientSecret}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expectClientProblem(response, NOT_FOUND_OR_BAD);
      expect(response.headers['set-cookie']).toBeUndefined();
      await expectStillServing();
    },
  );
});

describe('GET /dev/inbox/messages with odd queries', () => {
  it.each([['to=1&to=2'], ['foo=bar'], ['to='], [`to=${'1'.repeat(40)}`], ['to[]=1'], ['to[$gt]=']])(
    '?%s → 400 invalid_request',
    async (query) => {
      const response = await rawRequest(fixture.url, { method: 'GET', path: `/dev/inbox/messages?${query}` });
      expectClientProblem(response, BAD_REQUEST);
    },
  );

  it('?to=%E0%A4%A (bad percent-encoding) is not a 500', async () => {
    const response = await rawRequest(fixture.url, { method: 'GET', path: '/dev/inbox/messages?to=%E0%A4%A' });
    expect(response.status).toBeLessThan(500);
  });
});

/** Every route and the methods it answers; any other method is 405 with Allow. */
const ROUTE_METHODS: [string, string][] = [
  ['/v1/sessions', 'POST'],
  ['/v1/sessions/ses_x/send', 'POST'],
  ['/v1/sessions/ses_x/check', 'POST'],
  ['/v1/sessions/ses_x', 'GET'],
  ['/v1/redemptions', 'POST'],
  ['/v1/brands/acme', 'GET'],
  ['/.well-known/jwks.json', 'GET'],
  ['/v1/openapi.json', 'GET'],
  ['/healthz', 'GET'],
  ['/readyz', 'GET'],
  ['/metrics', 'GET'],
  ['/dev/inbox', 'GET'],
  ['/dev/inbox/messages', 'GET'],
  ['/dev/templates', 'GET'],
];

const WRONG_METHOD_CASES = ROUTE_METHODS.flatMap(([path, allowed]) =>
  ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
    .filter((method) => method !== allowed)
    .map((method) => [method, path, allowed]),
);

describe('wrong methods', () => {
  it.each(WRONG_METHOD_CASES)('%s %s → 405 with Allow: %s', async (method, path, allowed) => {
    const response = await rawRequest(fixture.url, {
      method,
      path,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expectClientProblem(response, ['method_not_allowed']);
    expect(response.headers.allow).toBe(allowed);
  });

  it('an unknown path is 404 not_found problem+json', async () => {
    for (const path of ['/', '/v1', '/v2/sessions', '/v1/sessions/ses_x/verify', '/.env', '/dev/inbox/messages/1']) {
      expectClientProblem(await rawRequest(fixture.url, { method: 'GET', path }), ['not_found']);
    }
  });
});
