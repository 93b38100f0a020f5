/**
 * Property: after 5 wrong codes a session is locked, and even the right code then fails.
 *
 * Requirements: NIST SP 800-63B 5.2.2 (SP 800-63B-4 3.2.2) rate limiting of failed authentication attempts
 * for out-of-band secrets below 64 bits; PSD2 RTS (Delegated Regulation (EU) 2018/389) art. 4(3)(b): at most
 * five consecutive failed attempts before the action is blocked; OWASP ASVS 5.0 6.6.3 (code-based out-of-band
 * authentication protected against brute force by rate limiting).
 * Built in: src/store/sqlite/sqlite-store.ts (countAttempt: `attempts < max_attempts`, markLocked),
 * src/usecases/check-code.ts (count before compare, lock on the last wrong code).
 */
import { sessionViewSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { sessionWithCode } from '../support/api.js';
import { storedSession, wrongCode } from '../support/attacker.js';
import { uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

describe('brute force against one session', () => {
  it('4 wrong codes answer 422 with attempts left 4..1, the 5th answers 423 locked, then the right code fails too', async () => {
    const { api } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());

    for (const [index, left] of [4, 3, 2, 1].entries()) {
      const problem = expectProblem(
        await api.check(session.id, session.clientSecret, wrongCode(session.code, index + 1)),
        'invalid_code',
      );
      expect(problem.attemptsLeft).toBe(left);
    }
    const locked = expectProblem(
      await api.check(session.id, session.clientSecret, wrongCode(session.code, 5)),
      'locked',
    );
    expect(locked.attemptsLeft).toBe(0);

    // The right code, now and for every later check, never yields a token.
    for (let i = 0; i < 5; i += 1) {
      const response = await api.check(session.id, session.clientSecret, session.code);
      expect([409, 423], JSON.stringify(response.body)).toContain(response.status);
      expect(response.body).not.toHaveProperty('token');
    }
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'locked');
    expect(storedSession(fixture.dataDir, session.id)).toMatchObject({
      attempts: 5,
      status: 'locked',
      token_jti: null,
    });

    // Locked is final: no new code can be requested to start over, even after the cooldown.
    fixture.clock.advanceSeconds(60);
    expectProblem(await api.send(session.id, session.clientSecret), 'session_closed');
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'locked');
    const view = sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body);
    expect(view).toMatchObject({ status: 'locked', attemptsLeft: 0, sendsLeft: 0 });
  });

  it('the lock holds however long the attacker waits (until the session expires: then 410, never a token)', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    for (let i = 1; i <= 5; i += 1) await api.check(session.id, session.clientSecret, wrongCode(session.code, i));
    clock.advanceSeconds(299);
    expectProblem(await api.check(session.id, session.clientSecret, session.code), 'locked');
    clock.advanceSeconds(3600);
    const late = await api.check(session.id, session.clientSecret, session.code);
    expect([409, 410, 423]).toContain(late.status);
    expect(storedSession(fixture.dataDir, session.id).token_jti).toBeNull();
  });

  it('the right code on the 5th attempt still works: the limit is 5 tries, not 4', async () => {
    const { api } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    for (let i = 1; i <= 4; i += 1) await api.check(session.id, session.clientSecret, wrongCode(session.code, i));
    const checked = await api.check(session.id, session.clientSecret, session.code);
    expect(checked.status).toBe(200);
    expect(storedSession(fixture.dataDir, session.id)).toMatchObject({ attempts: 5, status: 'verified' });
  });
});
