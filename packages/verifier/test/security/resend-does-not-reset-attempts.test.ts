/**
 * Property: the wrong-attempt budget belongs to the session, so a resend never resets it, and a resend
 * invalidates the code sent before it.
 *
 * Requirements: NIST SP 800-63B-4 3.1.3.2 (out-of-band verifiers: a secret is accepted once, within its
 * validity, and failed attempts are limited per 3.2.2); SP 800-63B (rev. 3) 5.1.3.2 and 5.2.2; OWASP ASVS 5.0
 * 6.6.2 (an out-of-band code is bound to the request it was generated for and not usable for a previous or
 * subsequent one); PSD2 RTS art. 4(3)(b).
 * Built in: src/store/sqlite/sqlite-store.ts (recordSend replaces code_hash and leaves `attempts` alone),
 * src/usecases/send-code.ts (growing cooldown), src/usecases/check-code.ts.
 */
import { sessionViewSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { sessionWithCode } from '../support/api.js';
import { storedSession, wrongCode } from '../support/attacker.js';
import { uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

async function resend(session: { id: string; clientSecret: string; phone: string }): Promise<string> {
  const sent = await fixture.api.send(session.id, session.clientSecret);
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  return fixture.api.latestCode(session.phone);
}

describe('resending a code', () => {
  it('keeps counting wrong attempts across resends, and the previous code stops working', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    for (const [index, left] of [4, 3, 2].entries()) {
      const problem = expectProblem(
        await api.check(session.id, session.clientSecret, wrongCode(session.code, index + 1)),
        'invalid_code',
      );
      expect(problem.attemptsLeft).toBe(left);
    }

    // Too early: the cooldown holds, and refusing the send leaves the count alone.
    expectProblem(await api.send(session.id, session.clientSecret), 'rate_limited');
    clock.advanceSeconds(30);
    const fresh = await resend(session);
    expect(sessionViewSchema.parse((await api.getSession(session.id, session.clientSecret)).body).attemptsLeft).toBe(2);

    // The first code is dead after the resend (unless the CSPRNG drew the same digits again).
    if (fresh !== session.code) {
      const old = expectProblem(await api.check(session.id, session.clientSecret, session.code), 'invalid_code');
      expect(old.attemptsLeft).toBe(1);
    } else {
      expectProblem(await api.check(session.id, session.clientSecret, wrongCode(fresh)), 'invalid_code');
    }
    expect(storedSession(fixture.dataDir, session.id).attempts).toBe(4);

    // The fresh code works on the 5th and last attempt.
    const checked = await api.check(session.id, session.clientSecret, fresh);
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
  });

  it('an attacker who resends after every 4 guesses still gets only 5 guesses in the whole session', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    let code = session.code;
    let guesses = 0;
    const answers: number[] = [];
    for (let round = 1; round <= 4; round += 1) {
      for (let i = 0; i < 4; i += 1) {
        const response = await api.check(session.id, session.clientSecret, wrongCode(code, i + 1));
        answers.push(response.status);
        if (response.status === 422) guesses += 1;
      }
      clock.advanceSeconds(30 * round);
      const sent = await api.send(session.id, session.clientSecret);
      if (sent.status !== 202) break;
      code = await api.latestCode(session.phone);
    }
    expect(guesses).toBe(4);
    expect(answers.filter((status) => status === 423).length).toBeGreaterThanOrEqual(1);
    expect(storedSession(fixture.dataDir, session.id)).toMatchObject({ attempts: 5, status: 'locked' });
    // Even the newest code is refused once the budget is spent.
    expectProblem(await api.check(session.id, session.clientSecret, code), 'locked');
  });

  it('after 4 wrong codes and a resend, one more wrong code locks the session and the new code is refused', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    for (let i = 1; i <= 4; i += 1) await api.check(session.id, session.clientSecret, wrongCode(session.code, i));
    clock.advanceSeconds(30);
    const fresh = await resend(session);
    expectProblem(await api.check(session.id, session.clientSecret, wrongCode(fresh)), 'locked');
    expectProblem(await api.check(session.id, session.clientSecret, fresh), 'locked');
  });

  it('the cooldown grows with each send (30 s, then 60 s), so resends cannot be used to pump guesses', async () => {
    const { api, clock } = fixture;
    const session = await sessionWithCode(api, uniqueMobile());
    clock.advanceSeconds(30);
    await resend(session);
    clock.advanceSeconds(59);
    const early = expectProblem(await api.send(session.id, session.clientSecret), 'rate_limited');
    expect(early.retryAfter).toBe(1);
    clock.advanceSeconds(1);
    await resend(session);
  });
});
