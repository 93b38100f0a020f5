import { callingCodePlan, countryOfNumber, isValidNumber, leadingCallingCode, numberingPlan } from './metadata.js';
import type { PhoneMetadata } from './metadata.js';
import { afterIddPrefix, callingCodeWithoutPlus, completeNationalNumber } from './national.js';
import { phoneChars } from './phone-chars.js';

export type PhoneResult =
  | { ok: true; e164: string; country: string }
  | { ok: false; reason: 'phone_missing' | 'invalid_phone' | 'country_not_allowed' };

const invalid: PhoneResult = { ok: false, reason: 'invalid_phone' };
const notAllowed: PhoneResult = { ok: false, reason: 'country_not_allowed' };

/**
 * Validates a typed number and returns it in E.164, with the country it belongs to. `country` is the one chosen
 * for a national number; a number typed with + or an international call prefix (00...) carries its own.
 */
export function parsePhone(
  text: string,
  country: string,
  allowed: readonly string[],
  metadata: PhoneMetadata,
): PhoneResult {
  if (text.trim() === '') return { ok: false, reason: 'phone_missing' };
  const home = numberingPlan(metadata, country);
  if (!home) return notAllowed;
  const { plus, digits } = phoneChars(text);
  // No number has fewer than three digits (where libphonenumber-js sometimes guesses a country for two).
  if (digits.length < 3) return invalid;

  // The digits after the + or the international call prefix (00...), for an international number.
  const international = plus ? digits : afterIddPrefix(digits, home) || undefined;
  const callingCode =
    international === undefined
      ? callingCodeWithoutPlus(digits, home, metadata)
      : leadingCallingCode(metadata, international);
  if (international !== undefined && !callingCode) return notAllowed;
  const number = callingCode ? (international ?? digits).slice(callingCode.length) : digits;
  const plan = callingCode ? callingCodePlan(metadata, callingCode) : home;
  if (!number || !plan) return invalid;

  const nsn = completeNationalNumber(number, plan, metadata);
  // libphonenumber-js's bounds for a national number.
  if (nsn.length < 2 || nsn.length > 17) return invalid;
  const numberCountry = countryOfNumber(metadata, plan.callingCode, nsn);
  const resultCountry = numberCountry ?? country;
  if (!allowed.includes(resultCountry) || numberingPlan(metadata, resultCountry)?.callingCode !== plan.callingCode) {
    return notAllowed;
  }
  const validityPlan = numberCountry ? numberingPlan(metadata, numberCountry) : plan;
  return validityPlan && isValidNumber(validityPlan, nsn)
    ? { ok: true, e164: `+${plan.callingCode}${nsn}`, country: resultCountry }
    : invalid;
}
