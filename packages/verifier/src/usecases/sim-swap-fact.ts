import type { Channel } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import type { SimSwapFact } from '../domain/risk/risk-decision.js';
import type { Session } from '../domain/session.js';
import type { VerifierContext } from './context.js';

/**
 * Asks the SIM-swap service about the number an SMS goes to, when the brand's rule is on and a service is
 * configured; a session that already passed the step-up the rule asks for is not asked again (the answer could not
 * change the decision). Where the rule blocks, a step-up changes nothing and the number is always asked about.
 */
export async function simSwapFact(
  context: VerifierContext,
  brand: Brand,
  session: Session,
  channel: Channel,
): Promise<SimSwapFact> {
  const rule = brand.riskSettings.simSwap;
  if (rule.mode === 'off' || context.simSwap === undefined || channel !== 'sms' || session.phoneE164 === null) {
    return 'not_checked';
  }
  const waived = rule.mode === 'enforce' && rule.action === 'step_up' && session.challengesPassed.includes('step_up');
  if (waived) return 'not_checked';
  return context.simSwap.check(session.phoneE164, rule.maxAgeHours);
}
