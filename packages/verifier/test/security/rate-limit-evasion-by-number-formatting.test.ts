/**
 * Attacker test 8: rate-limit evasion by number formatting.
 *
 * Requirement (issue 3, "Limits"): sends per phone number are counted on the E.164 form, so `+49 170 1234567`,
 * `0049 170 1234567` and `0170 1234567` with a German context share one counter. NIST SP 800-63B 5.2.2
 * (rate limiting), OWASP ASVS 5 V2.4 / 6.3 anti-automation, and the SMS-pumping (toll fraud) guidance of
 * the OWASP Automated Threats handbook (OAT-009 / "SMS pumping") and of the SMS providers (limit messages
 * per destination number): a script that re-spells the number must not get a fresh budget.
 * Defaults under test: 5 codes per number per hour, 10 per day (src/domain/limits.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.js';
import { INITECH } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { createAndSend, expectRateLimited, startLimitedVerifier } from '../support/limits.js';

const NUMBER = '+491701234567';
/** Four spellings of one German mobile number; `country` is the German context of the national ones. */
const SPELLINGS = [
  { phone: '+49 170 1234567' },
  { phone: '0049 170 1234567', country: 'DE' },
  { phone: '0170 1234567', country: 'DE' },
  { phone: '+49-170-123 4567' },
];

function spelling(index: number): { phone: string; country?: string } {
  return SPELLINGS[index % SPELLINGS.length] as { phone: string; country?: string };
}

let fixture: VerifierFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

async function sendWith(f: VerifierFixture, spelling: { phone: string; country?: string }) {
  return (await createAndSend(f.api, spelling.phone, spelling)).sent;
}

describe('per-phone send limit keyed on E.164 (attacker test 8)', () => {
  it('rotating four spellings gets 5 codes in the hour, then every spelling gets 429 with Retry-After', async () => {
    fixture = await startLimitedVerifier();
    for (let send = 0; send < 5; send += 1) {
      expect((await sendWith(fixture, spelling(send))).status).toBe(202);
    }
    fixture.clock.advanceSeconds(600);
    for (const spelling of SPELLINGS) {
      // The hour window started at the clock's start (10:00 UTC): 50 minutes are left.
      expectRateLimited(await sendWith(fixture, spelling), 3000);
    }
    expect(await fixture.api.inbox(NUMBER)).toHaveLength(5);
  });

  it('reaching the limit with one spelling blocks each of the others, at another brand too', async () => {
    fixture = await startLimitedVerifier();
    for (let send = 0; send < 5; send += 1)
      expect((await sendWith(fixture, { phone: '0170 1234567' })).status).toBe(202);
    for (const spelling of SPELLINGS) expectRateLimited(await sendWith(fixture, spelling), 3600);
    const initech = new ApiClient(fixture.url, INITECH.origin);
    expectRateLimited((await createAndSend(initech, '+49 170 1234567', { brand: INITECH.id })).sent, 3600);
    // Another number is not affected.
    expect((await sendWith(fixture, { phone: '+49 170 7654321' })).status).toBe(202);
  });

  it('the next hour allows 5 more, the day stops at 10, and the counter survives a restart', async () => {
    fixture = await startLimitedVerifier();
    for (let send = 0; send < 5; send += 1) expect((await sendWith(fixture, spelling(0))).status).toBe(202);
    expectRateLimited(await sendWith(fixture, spelling(1)), 3600);
    fixture.clock.advanceSeconds(3600);
    for (let send = 0; send < 5; send += 1) {
      expect((await sendWith(fixture, spelling((send + 1) % 4))).status).toBe(202);
    }
    // 10 in the day (the day window ends at midnight UTC, 12 h after 11:00).
    expectRateLimited(await sendWith(fixture, spelling(2)), 13 * 3600);

    const { dataDir, clock } = fixture;
    await fixture.stop();
    const restarted = await startLimitedVerifier({ dataDir });
    try {
      restarted.clock.set(clock());
      expectRateLimited(await sendWith(restarted, spelling(3)), 13 * 3600);
    } finally {
      await restarted.stop();
    }
  });
});
