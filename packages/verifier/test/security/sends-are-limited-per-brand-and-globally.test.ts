/**
 * Sends are limited per brand and for the whole platform.
 *
 * Requirement (issue 3, "Limits": per brand, global, with 429 problem+json and Retry-After): the last
 * line against SMS pumping (toll fraud) that spreads over many numbers and addresses, as the OWASP
 * Automated Threats handbook and SMS providers advise (cap the total volume, per account and overall);
 * OWASP ASVS 5 V2.4 anti-automation; NIST SP 800-63B 5.2.2. Limits come from the brands file; a brand
 * may set its own budget, and only tighten the shared per-phone/per-IP limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api.js';
import { ACME, INITECH } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { createAndSend, expectRateLimited, freshMobile, startLimitedVerifier } from '../support/limits.js';

let fixture: VerifierFixture | undefined;
let ipSequence = 0;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

/** A send to a new number from a new address: only the per-brand and global counters are shared. */
async function spreadSend(f: VerifierFixture, brand: { id: string; origin: string }) {
  ipSequence += 1;
  const api = new ApiClient(f.url, brand.origin);
  return (
    await createAndSend(api, freshMobile(), { brand: brand.id, ip: `10.9.${ipSequence >> 8}.${ipSequence & 255}` })
  ).sent;
}

describe('per-brand and global send limits', () => {
  it('a brand’s own budget stops its sends, not another brand’s; the global one stops all', async () => {
    fixture = await startLimitedVerifier({
      trustProxy: ['loopback'],
      limits: { sendsGlobal: [{ max: 6, windowSeconds: 600 }] },
      brandLimits: { acme: { sendsPerBrand: [{ max: 3, windowSeconds: 300 }] } },
    });
    for (let send = 0; send < 3; send += 1) expect((await spreadSend(fixture, ACME)).status).toBe(202);
    fixture.clock.advanceSeconds(100);
    expectRateLimited(await spreadSend(fixture, ACME), 200);
    for (let send = 0; send < 3; send += 1) expect((await spreadSend(fixture, INITECH)).status).toBe(202);
    // 6 sends platform-wide: now every brand waits for the 10-minute window.
    expectRateLimited(await spreadSend(fixture, INITECH), 500);
    fixture.clock.advanceSeconds(200);
    // Acme's own window has passed, the global one has not: the longer wait is the one announced.
    expectRateLimited(await spreadSend(fixture, ACME), 300);
    fixture.clock.advanceSeconds(300);
    expect((await spreadSend(fixture, ACME)).status).toBe(202);
    expect((await spreadSend(fixture, INITECH)).status).toBe(202);
  });

  it('a refused send takes from no counter: the per-brand refusals do not use the global budget', async () => {
    fixture = await startLimitedVerifier({
      trustProxy: ['loopback'],
      limits: { sendsGlobal: [{ max: 4, windowSeconds: 3600 }] },
      brandLimits: { acme: { sendsPerBrand: [{ max: 2, windowSeconds: 3600 }] } },
    });
    for (let send = 0; send < 2; send += 1) expect((await spreadSend(fixture, ACME)).status).toBe(202);
    for (let send = 0; send < 5; send += 1) expectRateLimited(await spreadSend(fixture, ACME), 3600);
    for (let send = 0; send < 2; send += 1) expect((await spreadSend(fixture, INITECH)).status).toBe(202);
    expectRateLimited(await spreadSend(fixture, INITECH), 3600);
  });
});
