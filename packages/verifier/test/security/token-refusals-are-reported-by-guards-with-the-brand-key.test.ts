/**
 * `POST /v1/token-refusals`: a checkout guard reports the tokens it refused on its own, so the event log sees
 * forged, expired and misused tokens (OWASP ASVS 5.0 V16.3.x: log security events). The report is authenticated
 * with the brand's secret key like a redemption (ASVS V4.1 / V13.2 service authentication), validated strictly
 * (ASVS V2.2), budgeted per brand, and a session is attached only for the jti of a token whose signature verified
 * and that belongs to the reporting brand (RFC 8725 3.10: the claims of an unverified token are not trusted).
 */
import { createOrderGuard } from '@otp-verify/checkout-guard';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '@otp-verify/protocol';
import type { StoredEvent } from '../../src/store/port.js';
import { ApiClient, order, verifiedToken } from '../support/api.js';
import { ACME, INITECH, PUBLIC_URL, uniqueMobile } from '../support/brands.js';
import { testClock } from '../support/clock.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { parts, segment } from '../support/jwt-forgery.js';
import { expectProblem } from '../support/problem.js';

const PATH = '/v1/token-refusals';
let fixture: VerifierFixture;

beforeAll(async () => {
  // The guard reads the real time: the verifier's clock starts at it, so the tokens it signs are current.
  fixture = await startTestVerifier({ clock: testClock(Math.floor(Date.now() / 60_000) * 60_000) });
});
afterAll(() => fixture.dispose());

function refusals(): StoredEvent[] {
  return fixture.verifier.context.store.listEvents({ limit: 10_000 }).filter((event) => event.type === 'token.refused');
}

/** Waits for the next refusal the guard reports in the background. */
async function nextRefusal(before: number): Promise<StoredEvent> {
  for (;;) {
    const event = refusals()[before];
    if (event !== undefined) return event;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function acmeGuard() {
  return createOrderGuard({
    verifierUrl: fixture.url,
    issuer: PUBLIC_URL,
    audience: ACME.audience,
    secretKey: ACME.secretKey,
  });
}

/** A report with the brand's secret key, another credential, or (null) none. */
function report(body: unknown, bearer: string | null = ACME.secretKey) {
  return fixture.api.request('POST', PATH, { body, origin: null, ...(bearer === null ? {} : { bearer }) });
}

describe("a guard's refusal reaches the verifier's event log", () => {
  it('order mismatch: with the session of the token, reported by the guard', async () => {
    const session = await verifiedToken(fixture.api, uniqueMobile());
    const before = refusals().length;
    await expect(acmeGuard().accept(session.token, order({ amount: 1 }))).rejects.toMatchObject({
      code: 'order_mismatch',
    });
    const event = await nextRefusal(before);
    expect(event).toMatchObject({
      brand: ACME.id,
      sessionId: session.id,
      data: { reason: 'order_mismatch', reportedBy: 'guard' },
    });
  });

  it("a forged token's claims attach no session: its signature did not verify", async () => {
    const session = await verifiedToken(fixture.api, uniqueMobile());
    const { header, payload, signature } = parts(session.token);
    const forged = `${segment(header)}.${segment({ ...payload, order: order({ amount: 1 }) })}.${signature}`;
    const before = refusals().length;
    await expect(acmeGuard().accept(forged, order({ amount: 1 }))).rejects.toMatchObject({ code: 'invalid_token' });
    const event = await nextRefusal(before);
    expect(event).toMatchObject({ brand: ACME.id, sessionId: null, data: { reason: 'bad_signature' } });
  });

  it("another brand's genuine token: recorded for the reporting brand, without that brand's session", async () => {
    const initech = new ApiClient(fixture.url, INITECH.origin);
    const other = await verifiedToken(initech, uniqueMobile(), {}, INITECH.id);
    const before = refusals().length;
    await expect(acmeGuard().accept(other.token, order())).rejects.toMatchObject({ code: 'invalid_token' });
    const event = await nextRefusal(before);
    expect(event).toMatchObject({ brand: ACME.id, sessionId: null, data: { reason: 'wrong_audience' } });
    // Even reported by hand with its jti, a token of another brand attaches nothing to that brand's session.
    expect((await report({ reason: 'expired', jti: parts(other.token).payload.jti })).status).toBe(202);
    expect(refusals().at(-1)).toMatchObject({ brand: ACME.id, sessionId: null });
  });
});

describe('the endpoint takes only the brand secret key and a well-formed report', () => {
  beforeEach(() => fixture.clock.advanceSeconds(60));

  it.each([
    ['no key', null],
    ['a wrong key', 'sk_test_acme_wrong'],
    ["the brand's publishable id", ACME.id],
  ])('%s: 401 invalid_secret_key, nothing recorded', async (_name, bearer) => {
    const before = refusals().length;
    expectProblem(await report({ reason: 'expired' }, bearer), 'invalid_secret_key');
    expect(refusals()).toHaveLength(before);
  });

  const malformed: [string, unknown, ErrorCode][] = [
    ['no reason', {}, 'invalid_request'],
    ['an unknown reason', { reason: 'because' }, 'invalid_request'],
    ['a reason that is not a string', { reason: 3 }, 'invalid_request'],
    ['a jti with markup', { reason: 'expired', jti: '<script>' }, 'invalid_request'],
    ['a jti too long', { reason: 'expired', jti: 'a'.repeat(129) }, 'invalid_request'],
    ['an unknown field', { reason: 'expired', sid: 'ses_x' }, 'invalid_request'],
    ['an array', ['expired'], 'invalid_request'],
  ];
  it.each(malformed)('%s: 4xx problem, nothing recorded', async (_name, body, code) => {
    const before = refusals().length;
    expectProblem(await report(body), code);
    expect(refusals()).toHaveLength(before);
  });

  it('a body that is not JSON: 415, nothing recorded', async () => {
    const before = refusals().length;
    const response = await fixture.api.request('POST', PATH, {
      bearer: ACME.secretKey,
      origin: null,
      headers: { 'content-type': 'text/plain' },
      body: 'expired',
    });
    expectProblem(response, 'unsupported_media_type');
    expect(refusals()).toHaveLength(before);
  });

  it('600 reports a minute per brand, then 429 and nothing recorded', async () => {
    for (let sent = 0; sent < 600; sent += 1) expect((await report({ reason: 'malformed' })).status).toBe(202);
    const before = refusals().length;
    expectProblem(await report({ reason: 'malformed' }), 'rate_limited');
    expect(refusals()).toHaveLength(before);
    expect((await report({ reason: 'malformed' }, INITECH.secretKey)).status).toBe(202);
  });
});
