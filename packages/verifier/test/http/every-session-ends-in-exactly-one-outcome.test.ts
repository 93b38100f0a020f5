import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { providerNames } from '../../src/delivery/providers.js';
import type { SessionOutcome } from '../../src/store/port.js';
import { ApiClient, createSession, order, sessionWithCode, verifiedToken } from '../support/api.js';
import { ACME, INITECH, rawTestBrands, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { scriptedProvider } from '../support/scripted-provider.js';

const failing = scriptedProvider('failing');
failing.script([], 'fail');
const raw = rawTestBrands();
Object.assign(raw.brands[2] as Record<string, unknown>, { delivery: { sms: ['failing'] } });
const fixture = useTestVerifier({
  brands: brandRegistry(raw, 'outcome brands', providerNames({ failing })),
  providers: { failing },
  outbox: { maxAttempts: 1 },
});

const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

describe('every session ends in exactly one outcome (issue 7)', () => {
  it('order accepted, verified but no order, abandoned twice, expired, locked, failed delivery', async () => {
    const { api, clock, verifier } = fixture;
    const store = verifier.context.store;
    const expected = new Map<string, SessionOutcome>();

    const accepted = await verifiedToken(api, uniqueMobile());
    expect((await api.redeem(ACME.secretKey, { token: accepted.token, order: order() })).status).toBe(200);
    expected.set(accepted.id, 'order_accepted');
    expected.set((await verifiedToken(api, uniqueMobile())).id, 'verified_no_order');
    expected.set((await createSession(api, uniqueMobile())).id, 'abandoned');
    expected.set((await sessionWithCode(api, uniqueMobile())).id, 'abandoned');
    const tried = await sessionWithCode(api, uniqueMobile());
    expect((await api.check(tried.id, tried.clientSecret, wrong(tried.code))).status).toBe(422);
    expected.set(tried.id, 'expired');
    const locked = await sessionWithCode(api, uniqueMobile());
    for (let attempt = 0; attempt < 5; attempt += 1)
      await api.check(locked.id, locked.clientSecret, wrong(locked.code));
    expected.set(locked.id, 'locked');
    const initech = new ApiClient(fixture.url, INITECH.origin);
    const undelivered = await createSession(initech, uniqueMobile(), {}, INITECH.id);
    expect((await initech.send(undelivered.id, undelivered.clientSecret)).status).toBe(202);
    await verifier.context.outbox.idle();
    expected.set(undelivered.id, 'failed_delivery');

    // Before their end, only the final ones have an outcome.
    expect(store.endSessions(clock())).toBe(0);
    expect([...expected.keys()].map((id) => store.outcomeOf(id))).toEqual([
      'order_accepted',
      undefined,
      undefined,
      undefined,
      undefined,
      'locked',
      undefined,
    ]);

    clock.advanceSeconds(1_800);
    expect(store.endSessions(clock())).toBe(5);
    expect(store.endSessions(clock() + 60_000)).toBe(0);
    for (const [id, outcome] of expected) {
      expect(store.outcomeOf(id)).toBe(outcome);
      const ended = store.listEvents({ sessionId: id, limit: 100 }).filter((event) => event.type === 'session.ended');
      expect(ended.map((event) => event.data)).toEqual([{ outcome }]);
    }
  });

  it('a session ended by the sweep cannot be ended again by a late lock or redemption', async () => {
    const { api, clock, verifier } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    clock.advanceSeconds(1_800);
    verifier.context.store.endSessions(clock());
    verifier.context.store.recordOutcome(session.id, 'locked', clock());
    expect(verifier.context.store.outcomeOf(session.id)).toBe('abandoned');
  });
});
