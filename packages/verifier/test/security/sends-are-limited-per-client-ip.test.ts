/**
 * Sends are limited per client IP, and X-Forwarded-For is believed only behind a trusted proxy.
 *
 * Requirement (issue 3, "Limits": per IP, with 429 problem+json and Retry-After): OWASP ASVS 5 V2.4 / 6.3
 * anti-automation, NIST SP 800-63B 5.2.2 (rate limiting), and the SMS-pumping guidance (OWASP Automated
 * Threats OAT-009 style toll fraud; SMS providers advise per-IP send limits): one client cannot trigger
 * unbounded messages by rotating numbers. Default under test: 20 sends per IP per hour. The address is
 * `req.ip` with Express `trust proxy` from OTP_VERIFY_TRUST_PROXY (default off).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { VerifierFixture } from '../support/fixture.js';
import { createAndSend, expectRateLimited, freshMobile, startLimitedVerifier } from '../support/limits.js';

let fixture: VerifierFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

async function sendFrom(f: VerifierFixture, ip?: string) {
  return (await createAndSend(f.api, freshMobile(), ip === undefined ? {} : { ip })).sent;
}

describe('per-IP send limit', () => {
  it('20 codes to 20 numbers from one IP, then 429 with Retry-After counting down to the window end', async () => {
    fixture = await startLimitedVerifier({ trustProxy: ['loopback'] });
    for (let send = 0; send < 20; send += 1) expect((await sendFrom(fixture, '203.0.113.9')).status).toBe(202);
    expectRateLimited(await sendFrom(fixture, '203.0.113.9'), 3600);
    fixture.clock.advanceSeconds(1234);
    expectRateLimited(await sendFrom(fixture, '203.0.113.9'), 3600 - 1234);
    // Another address (through the trusted proxy) still gets codes.
    expect((await sendFrom(fixture, '198.51.100.1')).status).toBe(202);
    fixture.clock.advanceSeconds(3600 - 1234);
    expect((await sendFrom(fixture, '203.0.113.9')).status).toBe(202);
  });

  it('addresses of one IPv6 /64 share a counter', async () => {
    fixture = await startLimitedVerifier({ trustProxy: ['loopback'] });
    for (let send = 0; send < 20; send += 1) {
      expect((await sendFrom(fixture, `2001:db8:1:2::${(send + 1).toString(16)}`)).status).toBe(202);
    }
    expectRateLimited(await sendFrom(fixture, '2001:db8:1:2:ffff:1:2:3'), 3600);
    expect((await sendFrom(fixture, '2001:db8:1:3::1')).status).toBe(202);
  });

  it('with trust proxy off (the default) a forged X-Forwarded-For does not make a new client', async () => {
    fixture = await startLimitedVerifier();
    for (let send = 0; send < 20; send += 1) expect((await sendFrom(fixture, `192.0.2.${send + 1}`)).status).toBe(202);
    expectRateLimited(await sendFrom(fixture, '192.0.2.200'), 3600);
    expectRateLimited(await sendFrom(fixture), 3600);
  });
});
