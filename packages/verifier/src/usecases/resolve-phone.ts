import type { Brand } from '../config/brands.js';
import { VerificationError } from '../domain/errors.js';
import { maskPhone, phoneReference } from '../domain/phone-ref.js';
import { parseTypedPhone } from '../directory/typed-phone.js';
import type { VerifierContext } from './context.js';

export interface ResolvedPhone {
  e164: string;
  ref: string;
  masked: string;
}

export interface PhoneSource {
  phone?: string | undefined;
  country?: string | undefined;
  customerToken?: string | undefined;
}

/** The number codes go to: the registered one from a customer token, or one typed where guest checkout is allowed. */
export async function resolvePhone(
  context: VerifierContext,
  brand: Brand,
  source: PhoneSource,
): Promise<ResolvedPhone | undefined> {
  let e164: string;
  if (source.customerToken !== undefined) {
    e164 = parseTypedPhone(
      await context.customerTokens.phoneNumber(brand.id, source.customerToken),
      undefined,
      brand.countries,
    );
  } else if (source.phone !== undefined) {
    if (!brand.guestCheckout) {
      throw new VerificationError('guest_checkout_disabled', 'This brand sends codes only to registered numbers.');
    }
    e164 = parseTypedPhone(source.phone, source.country ?? brand.defaultCountry, brand.countries);
  } else {
    return undefined;
  }
  return { e164, ref: phoneReference(context.secrets.phoneRefKey, brand.id, e164), masked: maskPhone(e164) };
}
