/**
 * Enumeration parity: whether a customer reference is known, unknown or has no verified number cannot be told
 * from the answers. All three get the same status, body shape, timing class and the same 429s at the same count.
 *
 * Requirements: OWASP ASVS 5.0.0 V6.3.8 ("valid users cannot be deduced from failed authentication
 * challenges, such as by basing on error messages, HTTP response codes, or different response times");
 * issue 3 "No enumeration" and attacker test 7.
 *
 * Design (README "Customer directory"): a reference without a usable number opens a *suppressed* session. It
 * is created (201) with a masked number derived from the reference (stable across requests), sends answer 202
 * with the same fields and are counted by the same limits (per session, and per number under the reference's
 * pseudonymous key), nothing is delivered, and no code ever matches, so checks end in the same lock.
 */
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.js';
import type { ApiResponse } from '../support/api.js';
import type { TestDirectory } from '../support/customer-auth.js';
import { UMBRELLA, customerAuthBrands, customerRefSession, startDirectory } from '../support/customer-auth.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { CLOCK_START } from '../support/clock.js';

let directory: TestDirectory;
let fixture: VerifierFixture;
let server: ApiClient;
let element: ApiClient;
let phoneSequence = 0;

beforeAll(async () => {
  directory = await startDirectory();
});
afterAll(() => directory.stop());
/** A fresh verifier per test: the per-IP windows of one test never spill into the next. */
async function freshVerifier(): Promise<void> {
  fixture = await startTestVerifier({
    brands: customerAuthBrands({ directoryUrl: directory.url, defaultPhoneLimits: true }),
  });
  server = new ApiClient(fixture.url, null);
  element = new ApiClient(fixture.url, UMBRELLA.origin);
}
afterEach(() => fixture.dispose());

type Kind = 'known' | 'unknown' | 'unverified' | 'foreign';
const KINDS: Kind[] = ['known', 'unknown', 'unverified', 'foreign'];

/** A fresh customer reference of the given kind, scripted in the directory. */
function customer(kind: Kind): { ref: string; phone: string } {
  phoneSequence += 1;
  const ref = `cust-${kind}-${phoneSequence}`;
  const phone = `+4917055${String(phoneSequence).padStart(5, '0')}`;
  if (kind === 'known') directory.customers.set(ref, { kind: 'customer', phoneNumber: phone, verified: true });
  if (kind === 'unverified') directory.customers.set(ref, { kind: 'customer', phoneNumber: phone, verified: false });
  if (kind === 'foreign')
    directory.customers.set(ref, { kind: 'customer', phoneNumber: '+12025550143', verified: true });
  return { ref, phone };
}

interface Opened {
  id: string;
  clientSecret: string;
  response: ApiResponse;
}

async function open(ref: string): Promise<Opened> {
  const response = await server.createSession(customerRefSession(ref), { bearer: UMBRELLA.secretKey });
  const body = response.body as { id: string; clientSecret: string };
  return { id: body.id, clientSecret: body.clientSecret, response };
}

/** What an observer may compare: the status, the field names, and every value that is not per-session. */
function observable(response: ApiResponse): unknown {
  const body = response.body as Record<string, unknown>;
  const comparable = Object.fromEntries(
    Object.entries(body).map(([key, value]) => {
      if (key === 'id' || key === 'clientSecret') return [key, typeof value];
      if (key === 'phoneMasked') return [key, /^••• \d\d$/.test(String(value)) ? 'masked' : value];
      // Times are compared as seconds from now: the tests move the clock between customers.
      if (key === 'expiresAt') return [key, (Date.parse(String(value)) - fixture.clock()) / 1000];
      return [key, value];
    }),
  );
  return {
    status: response.status,
    contentType: response.contentType,
    retryAfter: response.headers.get('retry-after'),
    body: comparable,
  };
}

describe('customerRef enumeration parity (ASVS 5 V6.3.8)', () => {
  it('creation: the same status and body for known, unknown, unverified and unusable customers', async () => {
    await freshVerifier();
    const views = [];
    for (const kind of KINDS) views.push(observable((await open(customer(kind).ref)).response));
    expect(views[0]).toMatchObject({ status: 201, body: { status: 'created', phoneMasked: 'masked' } });
    for (const view of views.slice(1)) expect(view).toEqual(views[0]);
    // The decoy mask is stable: asking twice for an unknown customer shows the same two digits.
    const unknown = customer('unknown').ref;
    const first = (await open(unknown)).response.body as { phoneMasked: string };
    const second = (await open(unknown)).response.body as { phoneMasked: string };
    expect(second.phoneMasked).toBe(first.phoneMasked);
  });

  it('send, read and check: the same answers step by step, until the same lock; only the known number gets an SMS', async () => {
    await freshVerifier();
    const traces: unknown[][] = [];
    const sessions: Record<Kind, Opened & { phone: string }> = {} as never;
    for (const kind of KINDS) {
      const { ref, phone } = customer(kind);
      const session = { ...(await open(ref)), phone };
      sessions[kind] = session;
      const trace: unknown[] = [];
      trace.push(observable(await element.send(session.id, session.clientSecret)));
      trace.push(observable(await element.getSession(session.id, session.clientSecret)));
      // A typed number cannot be slipped into any of them.
      trace.push(observable(await element.send(session.id, session.clientSecret, { phone: '+4917012345678' })));
      for (let attempt = 0; attempt < 6; attempt += 1) {
        trace.push(observable(await element.check(session.id, session.clientSecret, '000000')));
      }
      trace.push(observable(await element.getSession(session.id, session.clientSecret)));
      traces.push(trace);
    }
    expect(traces[0]?.[0]).toMatchObject({ status: 202, body: { status: 'sent', phoneMasked: 'masked' } });
    expect(traces[0]?.at(-2)).toMatchObject({ status: 423 });
    for (const trace of traces.slice(1)) expect(trace).toEqual(traces[0]);
    expect(await fixture.api.inbox(sessions.known.phone)).toHaveLength(1);
    for (const kind of ['unknown', 'unverified', 'foreign'] as const) {
      expect(await fixture.api.inbox(sessions[kind].phone)).toHaveLength(0);
    }
    const all = (await fixture.api.request('GET', '/dev/inbox/messages', { origin: null })).body as {
      sessionId: string;
    }[];
    expect(all.map((message) => message.sessionId)).toEqual([sessions.known.id]);
  });

  it('429: resends in one session and sessions for one customer reach rate_limited at the same count', async () => {
    await freshVerifier();
    const traces: unknown[][] = [];
    for (const [index, kind] of (['known', 'unknown'] as const).entries()) {
      // Each customer starts at the same time of day, days apart: the epoch-aligned windows then give both
      // the same Retry-After, and neither sees the other's counts.
      fixture.clock.set(CLOCK_START + index * 3 * 86_400_000);
      const { ref } = customer(kind);
      const trace: unknown[] = [];
      // Resends in one session, each after its cooldown, until refused.
      const session = await open(ref);
      for (let send = 0; send < 7; send += 1) {
        const answer = await element.send(session.id, session.clientSecret);
        trace.push(observable(answer));
        if (answer.status === 202) fixture.clock.advanceSeconds((answer.body as { retryAfter: number }).retryAfter);
      }
      // New sessions for the same customer, one send each: the per-number counter (the reference's key for an
      // unknown customer) is the one that fills.
      fixture.clock.advanceSeconds(3600);
      for (let again = 0; again < 7; again += 1) {
        const next = await open(ref);
        trace.push(observable(next.response));
        trace.push(observable(await element.send(next.id, next.clientSecret)));
      }
      traces.push(trace);
    }
    const [known, unknown] = traces as [unknown[], unknown[]];
    const statuses = known.map((view) => (view as { status: number }).status);
    // The session allows 5 sends, then 429 (with the same Retry-After for both).
    expect(statuses.slice(0, 7)).toEqual([202, 202, 202, 202, 202, 429, 429]);
    // New sessions for the same customer are counted per number (sendsPerPhone, 5 an hour): the 6th is refused.
    expect(statuses.slice(7)).toEqual([201, 202, 201, 202, 201, 202, 201, 202, 201, 202, 201, 429, 201, 429]);
    expect(unknown).toEqual(known);
  });

  // The timing class is proven by construction rather than by a clock (tests never depend on timing; the
  // figures are measured in bench/): every kind of customer costs the same outbound work, exactly one
  // directory lookup when the session opens and none after. The one step that differs, handing a known
  // number's SMS to the provider, leaves the request path with the delivery outbox.
  it('timing class: every kind of customer costs exactly one directory lookup, at creation, and none after', async () => {
    await freshVerifier();
    for (const kind of KINDS) {
      const { ref } = customer(kind);
      const session = await open(ref);
      expect(directory.requestsFor(ref), `${kind}: lookups at creation`).toBe(1);
      expect((await element.send(session.id, session.clientSecret)).status).toBe(202);
      await element.check(session.id, session.clientSecret, '000000');
      await element.getSession(session.id, session.clientSecret);
      expect(directory.requestsFor(ref), `${kind}: lookups after send, check and read`).toBe(1);
    }
  });
});
