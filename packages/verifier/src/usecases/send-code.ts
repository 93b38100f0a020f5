import type { SendRequest, SendResponse } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import { generateCode, hashCode } from '../domain/code.js';
import { VerificationError } from '../domain/errors.js';
import { resendCooldownSeconds } from '../domain/policy.js';
import type { Session } from '../domain/session.js';
import { effectiveStatus, isClosed, resendWaitSeconds, secondsUntil, sendsLeft } from '../domain/session.js';
import { brandSms } from '../delivery/brand-sms.js';
import { authenticateSession, brandOfSession } from './authenticate-session.js';
import type { VerifierContext } from './context.js';
import type { RequestClient } from './limits.js';
import { takeSendLimits } from './limits.js';
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
  if (channel !== 'sms') {
    throw new VerificationError('invalid_request', 'Codes by email are not available yet: use the sms channel.');
  }
  session = await bindTypedPhone(context, brand, session, request);
  refuseTooSoon(session, now);

  const code = generateCode(session.policy.codeLength, context.randomInt);
  const codeKey = context.secrets.currentCodeKey;
  const codeExpiresAt = Math.min(now + session.policy.codeValiditySeconds * 1000, session.expiresAt);
  // The limits and the send are one transaction: a send refused by a limit, or beaten by a concurrent
  // send of the same session, takes from no counter.
  context.store.transaction(() => {
    takeSendLimits(context, brand.effectiveLimits, brand.id, limitedPhone(session), client, now);
    const recorded = context.store.recordSend(session.id, {
      // A suppressed session (customer reference without a usable number) stores the hash of a value that is
      // not a code, so no check can ever match; everything else (limits, counts, answer) is the same.
      codeHash: hashCode(codeKey, session.id, isSuppressedSession(session) ? context.randomId('none_') : code),
      codeKeyId: codeKey.id,
      codeExpiresAt,
      sentAt: now,
      sendsBefore: session.sends,
    });
    if (!recorded)
      throw new VerificationError('rate_limited', 'A code was just sent.', {
        retryAfter: session.policy.resendCooldownSeconds,
      });
  });

  if (!isSuppressedSession(session)) await deliver(context, brand, session, code, now);
  const sends = session.sends + 1;
  return {
    status: 'sent',
    phoneMasked: session.phoneMasked as string,
    retryAfter: resendCooldownSeconds(session.policy, sends),
    expiresAt: new Date(codeExpiresAt).toISOString(),
    sendsLeft: Math.max(0, session.policy.maxSends - sends),
  };
}

/**
 * What the per-phone counter is keyed on: the E.164 number (one counter across brands and spellings), or
 * for a suppressed session the pseudonymous reference of its customer, so it reaches 429 at the same count.
 */
function limitedPhone(session: Session): string {
  return session.phoneE164 ?? `ref:${session.phoneRef as string}`;
}

async function bindTypedPhone(
  context: VerifierContext,
  brand: Brand,
  session: Session,
  request: SendRequest,
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
  const phone = await resolvePhone(context, brand, request);
  if (phone === undefined) throw new VerificationError('invalid_phone', 'Send the phone number to send the code to.');
  if (!context.store.bindPhone(session.id, phone)) {
    throw new VerificationError('session_closed', 'This session can no longer take a phone number.');
  }
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

async function deliver(
  context: VerifierContext,
  brand: Brand,
  session: Session,
  code: string,
  now: number,
): Promise<void> {
  const { text: body } = brandSms(brand, {
    requestedLocale: session.locale,
    order: session.order,
    validitySeconds: session.policy.codeValiditySeconds,
    code,
    checkoutHost: session.checkoutHost,
  });
  // The first provider of the brand's route sends; failing over to the next is issue 6's.
  const providerName = brand.delivery.sms[0] as string;
  const provider = context.providers[providerName];
  try {
    if (provider === undefined) throw new Error(`the verifier has no message provider "${providerName}"`);
    await provider.send({
      to: session.phoneE164 as string,
      channel: 'sms',
      body,
      sentAt: now,
      sessionId: session.id,
      ...(brand.senderId === undefined ? {} : { sender: brand.senderId }),
      idempotencyKey: context.randomId('msg_'),
    });
  } catch {
    context.metrics.deliveryFailures.inc({ brand: brand.id, provider: providerName });
    throw new VerificationError('delivery_unavailable', 'The code could not be sent. Try again in a moment.');
  }
  context.metrics.codesSent.inc({ brand: brand.id, channel: 'sms' });
}
