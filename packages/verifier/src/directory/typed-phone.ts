import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { VerificationError } from '../domain/errors.js';

/** A valid number, with what the risk engine's number rules judge it by. */
export interface ParsedNumber {
  e164: string;
  /** ISO 3166-1 alpha-2 region; '' for a number of no country (+800...). */
  country: string;
  /** libphonenumber-js's type (MOBILE, PREMIUM_RATE, ...); undefined when its metadata cannot tell. */
  type: string | undefined;
}

/**
 * A number the customer typed (or a directory gave), international or national digits read in `country`'s
 * context: 422 invalid_phone unless valid. Whether the brand serves its country and type is the risk engine's
 * `country` and `number_type` rules' call (usecases/judge-number.ts), so they can run in dry-run.
 */
export function parsePhone(input: string, country: string | undefined): ParsedNumber {
  const phone = parsePhoneNumberFromString(input, {
    defaultCountry: country as CountryCode | undefined,
    extract: false,
  });
  if (phone === undefined || !phone.isValid()) {
    throw new VerificationError('invalid_phone', 'This is not a valid phone number.');
  }
  return { e164: phone.number, country: phone.country ?? '', type: phone.getType() };
}

/** The same of a stored E.164 number (already valid when it was bound). */
export function numberOf(e164: string): ParsedNumber {
  const phone = parsePhoneNumberFromString(e164);
  return { e164, country: phone?.country ?? '', type: phone?.getType() };
}
