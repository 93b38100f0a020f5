/**
 * `POST /v1/beacons/shown` is public and unauthenticated, so it is only as trustworthy as its checks: the brand's
 * own origins (like session creation), strict input validation (OWASP ASVS 5.0 V1.5 / V2.2: allow-listed
 * structure, size and type, refused with a 4xx), and a per-client-address budget (ASVS V2.4 anti-automation).
 * A refused beacon records nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '@otp-verify/protocol';
import type { ApiResponse } from '../support/api.js';
import { ACME, FOREIGN_ORIGIN, GLOBEX } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';
import { rawRequest } from '../support/raw-http.js';

const fixture = useTestVerifier();
const PATH = '/v1/beacons/shown';

function shownEvents() {
  return fixture.verifier.context.store.listEvents({ limit: 10_000 }).filter((event) => event.type === 'element.shown');
}

/** A beacon with the exact body bytes and headers given, from the acme page unless `origin` says otherwise. */
async function beacon(body: string | Buffer, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const response = await rawRequest(fixture.url, {
    method: 'POST',
    path: PATH,
    headers: { origin: ACME.origin, 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body,
  });
  return { ...response, headers: new Headers(response.headers as Record<string, string>) };
}

beforeEach(() => {
  // Each test starts in a fresh minute, so the per-address budget is whole.
  fixture.clock.advanceSeconds(60);
});

describe('the shown beacon records element.shown for the brand', () => {
  it('as text/plain (sendBeacon, fetch keepalive without preflight) and as JSON: 204, CORS for the page', async () => {
    const before = shownEvents().length;
    const plain = await beacon(JSON.stringify({ brand: ACME.id, locale: 'de-AT' }));
    expect(plain.status).toBe(204);
    expect(plain.headers.get('access-control-allow-origin')).toBe(ACME.origin);
    const json = await fixture.api.request('POST', PATH, { body: { brand: ACME.id } });
    expect(json.status).toBe(204);
    const recorded = shownEvents().slice(before);
    expect(recorded.map(({ brand, sessionId, data }) => ({ brand, sessionId, data }))).toEqual([
      { brand: ACME.id, sessionId: null, data: { locale: 'de-AT' } },
      { brand: ACME.id, sessionId: null, data: {} },
    ]);
  });
});

describe('refused beacons record nothing', () => {
  const refusals: [string, () => Promise<ApiResponse>, ErrorCode][] = [
    [
      'a foreign origin',
      () => beacon(JSON.stringify({ brand: ACME.id }), { origin: FOREIGN_ORIGIN }),
      'origin_not_allowed',
    ],
    [
      "another brand's origin",
      () => beacon(JSON.stringify({ brand: ACME.id }), { origin: GLOBEX.origin }),
      'origin_not_allowed',
    ],
    [
      'no origin',
      () => fixture.api.request('POST', PATH, { body: { brand: ACME.id }, origin: null }),
      'origin_not_allowed',
    ],
    ['an unknown brand', () => beacon(JSON.stringify({ brand: 'no-such-brand' })), 'unknown_brand'],
    ['a body that is not JSON', () => beacon('brand=acme'), 'invalid_request'],
    ['truncated JSON', () => beacon('{"brand":"acme"'), 'invalid_request'],
    ['a JSON array', () => beacon(JSON.stringify([ACME.id])), 'invalid_request'],
    ['a JSON string', () => beacon(JSON.stringify(ACME.id)), 'invalid_request'],
    ['null', () => beacon('null'), 'invalid_request'],
    ['an empty body', () => beacon(''), 'invalid_request'],
    ['no brand', () => beacon(JSON.stringify({ locale: 'en' })), 'invalid_request'],
    ['a brand that is not a string', () => beacon(JSON.stringify({ brand: 7 })), 'invalid_request'],
    ['a brand id with markup', () => beacon(JSON.stringify({ brand: '<script>' })), 'invalid_request'],
    [
      'a malformed locale',
      () => beacon(JSON.stringify({ brand: ACME.id, locale: 'not a locale!' })),
      'invalid_request',
    ],
    ['an unknown field', () => beacon(JSON.stringify({ brand: ACME.id, phone: '+491701200001' })), 'invalid_request'],
    [
      'a body over 1 KB',
      () => beacon(JSON.stringify({ brand: ACME.id, locale: 'en', pad: 'x'.repeat(1100) })),
      'payload_too_large',
    ],
    [
      'a form body',
      () => beacon('brand=acme', { 'content-type': 'application/x-www-form-urlencoded' }),
      'unsupported_media_type',
    ],
    [
      'UTF-16 text',
      () =>
        beacon(Buffer.from(JSON.stringify({ brand: ACME.id }), 'utf16le'), {
          'content-type': 'text/plain;charset=utf-16le',
        }),
      'unsupported_media_type',
    ],
  ];
  it.each(refusals)('%s', async (_name, send, code) => {
    const before = shownEvents().length;
    expectProblem(await send(), code);
    expect(shownEvents()).toHaveLength(before);
  });

  it('a GET is refused with 405', async () => {
    expectProblem(await fixture.api.request('GET', PATH), 'method_not_allowed');
  });
});

describe('beacons are limited per client address', () => {
  it('120 a minute, then 429 with Retry-After and nothing recorded, until the next minute', async () => {
    const body = JSON.stringify({ brand: ACME.id });
    for (let sent = 0; sent < 120; sent += 1) expect((await beacon(body)).status).toBe(204);
    const before = shownEvents().length;
    const limited = await beacon(body);
    expect(expectProblem(limited, 'rate_limited').retryAfter).toBeGreaterThan(0);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect(shownEvents()).toHaveLength(before);
    fixture.clock.advanceSeconds(60);
    expect((await beacon(body)).status).toBe(204);
  });
});
