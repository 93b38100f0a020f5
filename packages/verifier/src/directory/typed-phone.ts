import type { CountryCode, NumberType } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { VerificationError } from '../domain/errors.js';

const SMS_CAPABLE_TYPES: ReadonlySet<NumberType> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * A number the customer typed, as E.164: international or national digits read in `country`'s
 * context, valid, of a type that receives SMS, and in one of the brand's countries.
 */
export function parseTypedPhone(input: string, country: string | undefined, brandCountries: readonly string[]): string {
  const phone = parsePhoneNumberFromString(input, {
    defaultCountry: country as CountryCode | undefined,
    extract: false,
  });
  if (phone === undefined || !phone.isValid()) {
    throw new VerificationError('invalid_phone', 'This is not a valid phone number.');
  }
  if (phone.country === undefined || !brandCountries.includes(phone.country)) {
    throw new VerificationError(
      'country_not_allowed',
      `Numbers from ${phone.country ?? 'this country'} are not served.`,
    );
  }
  const type = phone.getType();
  if (type === undefined || !SMS_CAPABLE_TYPES.has(type)) {
    throw new VerificationError('invalid_phone', 'This number cannot receive text messages: use a mobile number.');
  }
  return phone.number;
}
