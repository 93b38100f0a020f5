import { createHmac } from 'node:crypto';
import type { Brand } from '../config/brands.js';
import { VerificationError } from '../domain/errors.js';
import type { Session } from '../domain/session.js';
import { maskPhone, phoneReference } from '../domain/phone-ref.js';
import type { ParsedNumber } from '../directory/typed-phone.js';
import { parsePhone } from '../directory/typed-phone.js';
import type { NumberEntry } from './judge-number.js';
import { isAcceptedNumber, refuseJudgedNumber } from './judge-number.js';
import type { VerifierContext } from './context.js';

export interface ResolvedPhone {
  e164: string;
  ref: string;
  masked: string;
}

/**
 * A session for a customer reference with no usable registered number (unknown, unverified or unusable):
 * it looks like any other session (a masked number derived from the reference, stable across requests, a
 * phone reference for the per-number counters), but no code is ever delivered and no check ever matches.
 */
export interface SuppressedPhone {
  e164: null;
  ref: string;
  masked: string;
}

export interface PhoneSource {
  phone?: string | undefined;
  country?: string | undefined;
  customerToken?: string | undefined;
}

/**
 * The number codes go to: the registered one from a customer token, or one typed where guest checkout is allowed;
 * refused where it enters if the brand's number rules reject it (usecases/judge-number.ts).
 */
export async function resolvePhone(
  context: VerifierContext,
  brand: Brand,
  source: PhoneSource,
  entry: NumberEntry,
): Promise<ResolvedPhone | undefined> {
  let number: ParsedNumber;
  if (source.customerToken !== undefined) {
    number = parsePhone(await context.customerTokens.phoneNumber(brand.id, source.customerToken), undefined);
  } else if (source.phone !== undefined) {
    if (!brand.guestCheckout) {
      throw new VerificationError('guest_checkout_disabled', 'This brand sends codes only to registered numbers.');
    }
    number = parsePhone(source.phone, source.country ?? brand.defaultCountry);
  } else {
    return undefined;
  }
  refuseJudgedNumber(context, brand, number, entry);
  return resolved(context, brand, number.e164);
}

/**
 * The number of a customer reference, from the brand's directory. Unknown customers, numbers not verified and
 * numbers the brand cannot serve all give a suppressed phone, so the answer never tells whether the customer
 * exists (ASVS 5 V6.3.8); only an unreachable directory is an error (503 directory_unavailable).
 */
export async function resolveCustomerRef(
  context: VerifierContext,
  brand: Brand,
  customerRef: string,
): Promise<ResolvedPhone | SuppressedPhone> {
  const answer = await context.customerDirectory.lookup(brand.id, customerRef);
  if (answer.kind === 'found') {
    try {
      const number = parsePhone(answer.phoneNumber, undefined);
      if (isAcceptedNumber(brand, number)) return resolved(context, brand, number.e164);
    } catch (error) {
      if (!(error instanceof VerificationError)) throw error;
    }
  }
  const ref = createHmac('sha256', context.secrets.phoneRefKey)
    .update(`suppressed-customer\0${brand.id}\0${customerRef}`)
    .digest();
  return {
    e164: null,
    ref: ref.toString('base64url'),
    masked: maskPhone(String(ref.readUInt16BE(0) % 100).padStart(2, '0')),
  };
}

/**
 * A session opened for a customer reference without a usable number: sends are counted but never delivered.
 * Meaningful for open sessions only (closing a session erases every number, known or not).
 */
export function isSuppressedSession(session: Pick<Session, 'phoneE164' | 'phoneRef'>): boolean {
  return session.phoneE164 === null && session.phoneRef !== null;
}

/** A number as sessions keep it: E.164, its keyed reference for the brand, and what the customer sees of it. */
function resolved(context: VerifierContext, brand: Brand, e164: string): ResolvedPhone {
  return { e164, ref: phoneReference(context.secrets.phoneRefKey, brand.id, e164), masked: maskPhone(e164) };
}
