import { describe, expect, it } from 'vitest';
import { runFraudSimulation } from './simulation.js';

/**
 * Issue 8's targets, on a smaller day of the same simulation (bench/fraud-sim), with the verifier's default rules:
 * SMS pumping stopped (OWASP Automated Threats OAT-009 "SMS pumping" / toll fraud), no code guessed (NIST SP
 * 800-63B 5.2.2 rate limiting), no code to a recently swapped SIM without the shop's step-up (NIST SP 800-63B
 * 5.1.3.3 "change of SIM" risk indicator), and legitimate customers let through.
 */
describe('the fraud simulation, a smaller day', () => {
  it('blocks pumping and takeovers while letting customers order', async () => {
    const figures = await runFraudSimulation({
      legit: 300,
      pumping: 400,
      bruteForce: 40,
      simSwap: 10,
      enumeration: 60,
      seed: 8,
    });

    expect(figures.actors.legit.attempts).toBeGreaterThan(250);
    expect(figures.actors.pumping.attempts).toBe(400);
    expect(figures.pumping.blockedShare).toBeGreaterThanOrEqual(0.95);
    expect(figures.actors.legit.blockedShare).toBeLessThanOrEqual(0.01);
    expect(figures.bruteForceSuccesses).toBe(0);
    expect(figures.codesToSwappedSimsWithoutStepUp).toBe(0);
    // The answers and the dev inbox agree: every code the verifier accepted arrived, no other did.
    for (const actor of Object.values(figures.actors)) expect(actor.inboxMessages).toBeGreaterThanOrEqual(actor.sent);
    expect(figures.actors.pumping.inboxMessages).toBe(figures.actors.pumping.sent);
  });
});
