import type { Channel, SendRequest, SendResponse } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { generateCode, hashCode } from '../domain/code.js';
import { VerificationError } from '../domain/errors.js';
import { resendCooldownSeconds } from '../domain/policy.js';
import type { Session } from '../domain/session.js';
import { effectiveStatus, isClosed, resendWaitSeconds, secondsUntil, sendsLeft } from '../domain/session.js';
import { authenticateSession, brandOfSession } from './authenticate-session.js';
import { codeMessage, smsSegmentsOf } from './code-messages.js';
import { assessSend, recordBlocked, sendFacts } from './assess-risk.js';
import { passCaptcha, riskRefusal } from './challenges.js';
import { simSwapFact } from './sim-swap-fact.js';
import type { VerifierContext } from './context.js';
import { regionOf } from './phone-region.js';
import type { RequestClient } from './limits.js';
import { blockingRule, limitedPhone, rateLimited, sendLimitHits } from './limits.js';
import { isSuppressedSession, resolvePhone } from './resolve-phone.js';

export async function sendCode(
  context: VerifierContext,
  sessionId: string,
  clientSecret: string | undefined,
  request: SendRequest,
  client: RequestClient,
): Promise<SendResponse> {
  let session = authenticateSession(context, sessionId, clientSecret);
  const brand = brandOfSession(context, session);
  const now = context.clock();
  if (isClosed(effectiveStatus(session, now))) {
    throw new VerificationError('session_closed', 'This session is closed: start a new one.');
  }
  const channel = request.channel ?? 'sms';
  if (!brand.channels.includes(channel)) {
    throw new VerificationError('invalid_request', `Brand "${brand.id}" does not send codes by ${channel}.`);
  }
  if (channel === 'email' && session.email === null) {
    throw new VerificationError('invalid_request', 'This session has no email address: send the code by sms.');
  }
  session = await bindTypedPhone(context, brand, session, request, client);
  refuseTooSoon(session, now);
  refuseUndeliverable(context, brand, session, channel);
  if (request.challengeToken !== undefined) {
    session = await passCaptcha(context, brand, session, request.challengeToken, client);
  }
  const simSwap = await simSwapFact(context, brand, session, channel);

  const code = generateCode(session.policy.codeLength, context.randomInt);
  const codeKey = context.secrets.currentCodeKey;
  const codeExpiresAt = Math.min(now + session.policy.codeValiditySeconds * 1000, session.expiresAt);
  // The limits, the risk decision, the send and the queued message are one transaction: a send refused, or beaten by
  // a concurrent send of the same session, takes from no limit or velocity and queues nothing; an accepted one is
  // durable before the answer. Refusals are recorded.
  const refusal = context.store.transaction((): VerificationError | undefined => {
    const limitHits = sendLimitHits(context, brand.effectiveLimits, brand.id, limitedPhone(session), client, now);
    const full = context.store.takeFromCounters(limitHits, now);
    if (full.length > 0) {
      recordBlocked(context, brand.id, session.id, sendFacts(brand, session, channel, client), [blockingRule(full)]);
      return rateLimited(full, now, 'Too many codes were asked for: try again later.');
    }
    const risk = assessSend(context, brand, session, channel, client, simSwap);
    if (risk.decision.action !== 'allow') {
      context.store.returnToCounters(limitHits);
      return riskRefusal(brand, risk.decision);
    }
    const recorded = context.store.recordSend(session.id, {
      // A suppressed session (customer reference without a usable number) stores the hash of a value that is
      // not a code, so no check can ever match; everything else (limits, counts, answer) is the same.
      codeHash: hashCode(codeKey, session.id, isSuppressedSession(session) ? context.randomId('none_') : code),
      codeKeyId: codeKey.id,
      codeExpiresAt,
      channel,
      sentAt: now,
      sendsBefore: session.sends,
    });
    if (!recorded)
      throw new VerificationError('rate_limited', 'A code was just sent.', {
        retryAfter: session.policy.resendCooldownSeconds,
      });
    if (!isSuppressedSession(session)) {
      const message = { id: context.randomId('msg_'), code, channel, now, codeExpiresAt };
      context.outbox.enqueue(codeMessage(brand, session, message));
    }
    risk.recordAccepted();
    return undefined;
  });
  if (refusal !== undefined) throw refusal;
  context.outbox.wake();
  context.metrics.codesSent.inc({ brand: brand.id, channel });
  const sends = session.sends + 1;
  return {
    status: 'sent',
    phoneMasked: session.phoneMasked as string,
    retryAfter: resendCooldownSeconds(session.policy, sends),
    expiresAt: new Date(codeExpiresAt).toISOString(),
    sendsLeft: Math.max(0, session.policy.maxSends - sends),
  };
}

async function bindTypedPhone(
  context: VerifierContext,
  brand: Brand,
  session: Session,
  request: SendRequest,
  client: RequestClient,
): Promise<Session> {
  if (session.phoneE164 !== null || isSuppressedSession(session)) {
    if (request.phone !== undefined) {
      throw new VerificationError(
        'invalid_request',
        'This session already has a phone number: start a new session to change it.',
      );
    }
    return session;
  }
  const entry = { sessionId: session.id, client, segments: () => smsSegmentsOf(brand, session) };
  const phone = await resolvePhone(context, brand, request, entry);
  if (phone === undefined) throw new VerificationError('invalid_phone', 'Send the phone number to send the code to.');
  const bound = context.store.transaction(() => {
    if (!context.store.bindPhone(session.id, phone)) return false;
    context.store.appendEvent({
      at: context.clock(),
      type: 'session.phone_bound',
      brand: brand.id,
      sessionId: session.id,
      data: { country: regionOf(phone.e164) },
    });
    return true;
  });
  if (!bound) throw new VerificationError('session_closed', 'This session can no longer take a phone number.');
  return { ...session, phoneE164: phone.e164, phoneRef: phone.ref, phoneMasked: phone.masked };
}

function refuseTooSoon(session: Session, now: number): void {
  if (sendsLeft(session) === 0) {
    throw new VerificationError('rate_limited', 'No more codes can be sent in this session.', {
      retryAfter: secondsUntil(session.expiresAt, now),
    });
  }
  const wait = resendWaitSeconds(session, now);
  if (wait > 0)
    throw new VerificationError('rate_limited', `Wait ${wait} seconds before asking for a new code.`, {
      retryAfter: wait,
    });
}

/**
 * No code is sent (nor counted) when no provider could take it now: every circuit of the channel's route is
 * open, and for an SMS, of the email fallback too.
 */
function refuseUndeliverable(context: VerifierContext, brand: Brand, session: Session, channel: Channel): void {
  if (context.outbox.canDeliver(brand.id, channel)) return;
  const fallback = channel === 'sms' && brand.delivery.fallbackToEmail && session.email !== null;
  if (fallback && context.outbox.canDeliver(brand.id, 'email')) return;
  throw new VerificationError('delivery_unavailable', 'The code cannot be sent right now. Try again in a moment.');
}
