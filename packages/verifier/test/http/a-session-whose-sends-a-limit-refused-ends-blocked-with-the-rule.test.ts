import { afterEach, describe, expect, it } from 'vitest';
import { createSession, sessionWithCode } from '../support/api.js';
import { uniqueMobile } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startLimitedVerifier } from '../support/limits.js';

let fixture: VerifierFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

const eventsOf = (verifier: VerifierFixture['verifier'], sessionId: string) =>
  verifier.context.store.listEvents({ sessionId, limit: 100 }).map((event) => [event.type, event.data]);

describe('a send a limit refuses blocks the session, by its rule (issue 7: blocked, with reason)', () => {
  it('records the rule that refused it, and a session that never got a code ends blocked', async () => {
    fixture = await startLimitedVerifier({ limits: { sendsPerPhone: [{ max: 1, windowSeconds: 3_600 }] } });
    const { api, clock, verifier } = fixture;
    const phone = uniqueMobile();
    const first = await sessionWithCode(api, phone);
    const second = await createSession(api, phone);

    expect((await api.send(second.id, second.clientSecret)).status).toBe(429);

    expect(eventsOf(verifier, second.id)).toEqual([
      ['session.created', expect.any(Object)],
      [
        'session.blocked',
        // Where the refused code would have gone, for the fraud view: never the number (issue 8).
        {
          reason: 'sendsPerPhone',
          reasons: ['sendsPerPhone'],
          country: 'DE',
          prefix: phone.slice(0, -4),
          segments: 1,
          network: '127.0.0.0/24',
        },
      ],
    ]);
    clock.advanceSeconds(1_800);
    verifier.context.store.endSessions(clock());
    expect(verifier.context.store.outcomeOf(second.id)).toBe('blocked');
    expect(verifier.context.store.outcomeOf(first.id)).toBe('abandoned');
  });

  it('a session that got its code and was refused a resend is not blocked: it ends by what it did', async () => {
    fixture = await startLimitedVerifier({ limits: { sendsPerIp: [{ max: 1, windowSeconds: 3_600 }] } });
    const { api, clock, verifier } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    clock.advanceSeconds(60);

    expect((await api.send(session.id, session.clientSecret)).status).toBe(429);

    expect(eventsOf(verifier, session.id).at(-1)).toEqual([
      'session.blocked',
      expect.objectContaining({ reason: 'sendsPerIp', reasons: ['sendsPerIp'] }),
    ]);
    clock.advanceSeconds(1_800);
    verifier.context.store.endSessions(clock());
    expect(verifier.context.store.outcomeOf(session.id)).toBe('abandoned');
  });
});
