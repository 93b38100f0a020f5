import type { Channel } from '@otp-verify/protocol';
import type { Brand } from '../config/brands.js';
import type { BrandMessageInput } from '../delivery/brand-messages.js';
import { brandEmail, brandSms } from '../delivery/brand-messages.js';
import type { MessageToQueue } from '../delivery/outbox/outbox.js';
import type { SealedContent } from '../delivery/outbox/sealed-message.js';
import { smsSize } from '../delivery/sms-size.js';
import { maskEmail } from '../domain/phone-ref.js';
import type { Session } from '../domain/session.js';
import { numberPrefix, regionOf } from './phone-region.js';

export interface CodeMessageInput {
  id: string;
  code: string;
  channel: Channel;
  now: number;
  codeExpiresAt: number;
}

/**
 * The message that carries a session's code on `channel`, and for an SMS the email that stands in for it when
 * the brand falls back to email and the session has the customer's address.
 */
export function codeMessage(brand: Brand, session: Session, input: CodeMessageInput): MessageToQueue {
  const rendering = renderingOf(session, input.code);
  const email = (address: string) => {
    const rendered = brandEmail(brand, rendering);
    const content: SealedContent = {
      to: address,
      subject: rendered.subject,
      body: rendered.text,
      html: rendered.html,
      sender: brand.displayName,
    };
    return { toMasked: maskEmail(address), content };
  };
  const base = {
    id: input.id,
    sessionId: session.id,
    brand: brand.id,
    channel: input.channel,
    createdAt: input.now,
    expiresAt: input.codeExpiresAt,
  };
  const country = session.phoneE164 === null ? '' : regionOf(session.phoneE164);
  if (input.channel === 'email') {
    return { ...base, ...email(session.email as string), destination: { country } };
  }
  const sms: SealedContent = {
    to: session.phoneE164 as string,
    body: brandSms(brand, rendering).text,
    ...(brand.senderId === undefined ? {} : { sender: brand.senderId }),
  };
  const destination = { country, prefix: numberPrefix(sms.to), segments: smsSize(sms.body).segments };
  const fallback = brand.delivery.fallbackToEmail && session.email !== null ? email(session.email) : undefined;
  return {
    ...base,
    toMasked: session.phoneMasked as string,
    content: sms,
    destination,
    ...(fallback === undefined ? {} : { fallback }),
  };
}

/** What a session's messages are written from. */
type MessageSubject = Pick<Session, 'locale' | 'order' | 'policy' | 'checkoutHost'>;

function renderingOf(session: MessageSubject, code: string): BrandMessageInput {
  return {
    requestedLocale: session.locale,
    order: session.order,
    validitySeconds: session.policy.codeValiditySeconds,
    code,
    checkoutHost: session.checkoutHost,
  };
}

/** The segments a code SMS of this session is billed as (a refused send's money saved, a spend estimate). */
export function smsSegmentsOf(brand: Brand, session: MessageSubject): number {
  const code = '0'.repeat(session.policy.codeLength);
  return smsSize(brandSms(brand, renderingOf(session, code)).text).segments;
}
