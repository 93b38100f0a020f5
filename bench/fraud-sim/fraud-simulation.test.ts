import { beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from './figures.js';
import type { SimulationOptions } from './simulation.js';
import { runFraudSimulation } from './simulation.js';

const SMALLER_DAY: SimulationOptions = {
  legit: 300,
  pumping: 400,
  pumpingSpread: 0,
  bruteForce: 1,
  simSwap: 10,
  enumeration: 60,
  seed: 8,
};

/** The send limits that stay when every risk rule is off (packages/verifier/src/domain/limits.ts). */
const SEND_LIMITS = ['sendsPerPhone', 'sendsPerIp', 'sendsPerBrand', 'sendsGlobal'];

/**
 * Issue 8's targets, on a smaller day of the same simulation (bench/fraud-sim), with the verifier's default rules:
 * SMS pumping stopped (OWASP Automated Threats OAT-009 "SMS pumping" / toll fraud), no code guessed (NIST SP
 * 800-63B 5.2.2 rate limiting), no code to a recently swapped SIM without the shop's step-up (NIST SP 800-63B
 * 5.1.3.3 "change of SIM" risk indicator), and legitimate customers let through. The same day with every risk rule
 * off is the baseline: the pumping and SIM-swap targets must be ones it misses, or passing them proves nothing.
 */
describe('the fraud simulation, a smaller day, against the same day with every risk rule off', () => {
  let baseline: Figures;
  let defaults: Figures;
  beforeAll(async () => {
    baseline = await runFraudSimulation(SMALLER_DAY, { rules: 'off', captcha: false });
    defaults = await runFraudSimulation(SMALLER_DAY, { rules: 'defaults', captcha: false });
  }, 110_000);

  it('runs the baseline with every risk rule off: pumping and SIM-swap codes go out, only send limits refuse', () => {
    expect(baseline.pumping.blockedShare).toBeLessThan(0.95);
    expect(baseline.codesToAttackerSwappedSims).toBeGreaterThan(0);
    for (const actor of Object.values(baseline.actors)) {
      expect(actor.dryRunHits).toEqual({});
      expect(Object.keys(actor.byReason).filter((reason) => !SEND_LIMITS.includes(reason))).toEqual([]);
    }
  });

  it('meets the four targets on the default rules', () => {
    expect(defaults.actors.legit.attempts).toBeGreaterThan(250);
    expect(defaults.actors.pumping.attempts).toBe(400);
    expect(defaults.pumping.blockedShare).toBeGreaterThanOrEqual(0.95);
    expect(defaults.actors.legit.blockedShare).toBeLessThanOrEqual(0.01);
    expect(defaults.bruteForceSuccesses).toBe(0);
    expect(defaults.codesToSwappedSimsWithoutStepUp).toBe(0);
    // The answers and the dev inbox agree: every code the verifier accepted arrived, no other did.
    for (const actor of Object.values(defaults.actors)) expect(actor.inboxMessages).toBeGreaterThanOrEqual(actor.sent);
    expect(defaults.actors.pumping.inboxMessages).toBe(defaults.actors.pumping.sent);
  });

  it('lets the brute-force attacker reach live codes only as often as the per-number send limit allows', () => {
    // NIST SP 800-63B 5.2.2: 5 guesses a session, and at most 10 codes a day to one number; the simulated day spans
    // two UTC days (the limit's windows), so one victim gets at most 15 codes.
    expect(defaults.bruteForce.liveGuesses).toBeGreaterThan(0);
    expect(defaults.bruteForce.liveGuesses).toBeLessThanOrEqual(15 * 5);
    expect(defaults.bruteForce.expectedSuccesses).toBeLessThan(0.001);
  });
});
