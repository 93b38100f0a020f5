import type { Challenge, StepUpRequest, StepUpResponse } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { VerificationError } from '../domain/errors.js';
import type { RiskDecision } from '../domain/risk/risk-decision.js';
import type { RiskEventData } from '../domain/risk/risk-events.js';
import type { Session } from '../domain/session.js';
import { effectiveStatus, isClosed } from '../domain/session.js';
import type { VerifierContext } from './context.js';
import { isSuppressedSession } from './resolve-phone.js';
import type { RequestClient } from './limits.js';
import { takeReportLimit } from './limits.js';

/** The answer to a send the engine did not allow: 403 blocked, or 403 challenge_required naming the challenge. */
export function riskRefusal(brand: Brand, decision: RiskDecision): VerificationError {
  const reasons = brand.riskSettings.showReasons ? { reasons: decision.reasons.map((reason) => reason.rule) } : {};
  if (decision.action === 'challenge') {
    const challenge = decision.challenge ?? 'captcha';
    const detail =
      challenge === 'step_up'
        ? 'The shop needs to confirm it is you before a code is sent.'
        : 'Complete the check before a code is sent.';
    return new VerificationError('challenge_required', detail, { challenge, ...reasons });
  }
  return new VerificationError('blocked', 'This order cannot be verified by phone: contact the shop.', reasons);
}

/**
 * Verifies the brand's captcha answer a send carries and records the session as having passed it. A wrong or
 * unverifiable answer is the same challenge again (fails closed: OWASP ASVS 5 V6.3.x anti-automation).
 */
export async function passCaptcha(
  context: VerifierContext,
  brand: Brand,
  session: Session,
  token: string,
  client: RequestClient,
): Promise<Session> {
  if (brand.captcha === undefined) {
    throw new VerificationError('invalid_request', `Brand "${brand.id}" has no captcha: send no challengeToken.`);
  }
  if (session.challengesPassed.includes('captcha')) return session;
  takeReportLimit(context, 'captchaChecksPerIp', { ip: client.ip }, context.clock());
  const answer = await context.captcha.verify(brand.id, token, client.ip);
  if (answer !== 'passed') {
    const detail =
      answer === 'failed' ? 'The check was not passed: try it again.' : 'The check cannot be verified now: try again.';
    throw new VerificationError('challenge_required', detail, { challenge: 'captcha' });
  }
  return recordPassed(context, brand.id, session, 'captcha', {});
}

/**
 * The brand's server vouches that it re-verified its customer (its step-up hook: a password, an ID check, a store
 * visit...), with its secret key: the session's sends no longer need the step-up the SIM-swap rule asked for. With
 * `orderId`, only for the session of that order, so a shop cannot vouch for the wrong customer's session.
 */
export function stepUpSession(
  context: VerifierContext,
  brand: Brand,
  sessionId: string,
  request: StepUpRequest,
): StepUpResponse {
  const session = context.store.findSession(sessionId);
  if (session === undefined || session.brand !== brand.id) {
    throw new VerificationError('session_not_found', 'No session of this brand has this id.');
  }
  if (isClosed(effectiveStatus(session, context.clock()))) {
    throw new VerificationError('session_closed', 'This session is closed: start a new one.');
  }
  if (request.orderId !== undefined && request.orderId !== session.order.id) {
    throw new VerificationError('order_mismatch', 'This session is for another order.');
  }
  // The step-up vouches for the customer of one number: none yet, and it would cover whatever is typed next.
  if (session.phoneE164 === null && !isSuppressedSession(session)) {
    throw new VerificationError('invalid_request', 'This session has no number yet: step up after its first send.');
  }
  const passed = recordPassed(context, brand.id, session, 'step_up', { method: request.method });
  return { id: passed.id, challengesPassed: passed.challengesPassed };
}

function recordPassed(
  context: VerifierContext,
  brandId: string,
  session: Session,
  challenge: Challenge,
  extra: { method?: string },
): Session {
  const marked = context.store.transaction(() => {
    if (!context.store.markChallengePassed(session.id, challenge)) return false;
    const data: RiskEventData['session.challenge_passed'] = { challenge, ...extra };
    context.store.appendEvent({
      at: context.clock(),
      type: 'session.challenge_passed',
      brand: brandId,
      sessionId: session.id,
      data,
    });
    return true;
  });
  if (!marked) throw new VerificationError('session_closed', 'This session is closed: start a new one.');
  return { ...session, challengesPassed: [...new Set([...session.challengesPassed, challenge])] };
}
