/**
 * Attacker test 9: guessing across many sessions from one IP.
 *
 * Requirement (issue 3, "Limits"): wrong checks are also limited per client IP across sessions, so an
 * attacker who opens many sessions does not get 5 fresh guesses with each. NIST SP 800-63B 5.2.2 (the
 * verifier limits consecutive failed attempts; further rate limiting by IP is one of the listed
 * techniques), OWASP ASVS 5 V6.3 / V2.4 anti-automation. Like the per-session attempt, the IP's counter is
 * taken before the code is compared. Default under test: 20 wrong codes per IP per hour.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedSession } from '../support/api.js';
import { wrongCode } from '../support/attacker.js';
import { simultaneousRequests } from '../support/attacker.js';
import type { VerifierFixture } from '../support/fixture.js';
import { check, createAndSend, expectRateLimited, freshMobile, startLimitedVerifier } from '../support/limits.js';

const ATTACKER = '203.0.113.7';
const CUSTOMER = '198.51.100.20';

let fixture: VerifierFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

async function sessionWithCode(f: VerifierFixture, ip: string): Promise<CreatedSession & { code: string }> {
  const { session, sent } = await createAndSend(f.api, freshMobile(), { ip });
  expect(sent.status).toBe(202);
  return { ...session, code: await f.api.latestCode(session.phone) };
}

describe('wrong codes per IP across sessions (attacker test 9)', () => {
  it('20 wrong codes over 10 sessions, then every check from that IP is 429, even the right code', async () => {
    fixture = await startLimitedVerifier({ trustProxy: ['loopback'] });
    const f = fixture;
    for (let index = 0; index < 10; index += 1) {
      const session = await sessionWithCode(f, ATTACKER);
      // Two wrong guesses per session: each session alone is far from its own lock (5).
      for (const salt of [1, 2]) {
        const answer = await check(f.api, session, wrongCode(session.code, salt), ATTACKER);
        expect(answer.status).toBe(422);
      }
    }
    const fresh = await sessionWithCode(f, ATTACKER);
    expectRateLimited(await check(f.api, fresh, fresh.code, ATTACKER), 3600);
    expectRateLimited(await check(f.api, fresh, wrongCode(fresh.code), ATTACKER), 3600);

    // Another IP is not affected.
    const customer = await sessionWithCode(f, CUSTOMER);
    expect((await check(f.api, customer, customer.code, CUSTOMER)).status).toBe(200);

    // The refused checks did not use the session's own attempts: once the window has passed, it verifies.
    f.clock.advanceSeconds(1800);
    expectRateLimited(await check(f.api, fresh, fresh.code, ATTACKER), 1800);
    f.clock.advanceSeconds(1800);
    const again = await sessionWithCode(f, ATTACKER);
    expect((await check(f.api, again, again.code, ATTACKER)).status).toBe(200);
  });

  it('right codes do not count as wrong ones', async () => {
    fixture = await startLimitedVerifier({ trustProxy: ['loopback'] });
    const f = fixture;
    for (let index = 0; index < 19; index += 1) {
      const session = await sessionWithCode(f, ATTACKER);
      if (index % 2 === 0) expect((await check(f.api, session, wrongCode(session.code), ATTACKER)).status).toBe(422);
      expect((await check(f.api, session, session.code, ATTACKER)).status).toBe(200);
    }
    // 10 wrong and 19 right: still 10 wrong codes left.
    const session = await sessionWithCode(f, ATTACKER);
    for (let salt = 1; salt <= 4; salt += 1) {
      expect((await check(f.api, session, wrongCode(session.code, salt), ATTACKER)).status).toBe(422);
    }
  });

  it('50 simultaneous wrong guesses over 13 sessions: exactly 20 are compared, 30 get 429', async () => {
    fixture = await startLimitedVerifier({ trustProxy: ['loopback'] });
    const f = fixture;
    const sessions: (CreatedSession & { code: string })[] = [];
    for (let index = 0; index < 13; index += 1) sessions.push(await sessionWithCode(f, ATTACKER));
    const answers = await simultaneousRequests(
      Array.from({ length: 50 }, (_, index) => {
        const session = sessions[index % sessions.length] as CreatedSession & { code: string };
        return {
          baseUrl: f.url,
          method: 'POST',
          path: `/v1/sessions/${session.id}/check`,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${session.clientSecret}`,
            'x-forwarded-for': ATTACKER,
          },
          body: JSON.stringify({ code: wrongCode(session.code, 1 + Math.floor(index / sessions.length)) }),
        };
      }),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    expect(statuses.filter((status) => status === 422)).toHaveLength(20);
  });
});
