import {
  AsYouType,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  ParseError,
} from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { toAsciiDigits } from '../digits.js';

export type { CountryCode, MetadataJson };

export interface CountryOption {
  code: CountryCode;
  name: string;
  callingCode: string;
}

export type PhoneResult =
  | { ok: true; e164: string; country: CountryCode }
  | { ok: false; reason: 'phone_missing' | 'invalid_phone' | 'country_not_allowed' };

/** The brand's phone metadata, if it has the shape of libphonenumber-js metadata. */
export function asMetadata(value: unknown): MetadataJson | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { countries, country_calling_codes: callingCodes } = value as Record<string, unknown>;
  const isObject = (part: unknown) => typeof part === 'object' && part !== null;
  return isObject(countries) && isObject(callingCodes) ? (value as MetadataJson) : undefined;
}

/** The brand's countries that the metadata covers, named in the customer's language and sorted by name. */
export function countryOptions(countries: readonly string[], metadata: MetadataJson, locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return countries
    .filter((code): code is CountryCode => isSupportedCountry(code as CountryCode, metadata))
    .map((code) => ({ code, name: names.of(code) ?? code, callingCode: getCountryCallingCode(code, metadata) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Formats a partly typed number; `country` is the one an international number (+33…) belongs to. */
export function formatPhoneInput(text: string, country: CountryCode, metadata: MetadataJson) {
  const formatter = new AsYouType(country, metadata);
  const value = formatter.input(toAsciiDigits(text));
  return { value, country: formatter.getCountry() };
}

/** Validates a typed number and returns it in E.164, with the country it belongs to. */
export function parsePhone(
  text: string,
  country: CountryCode,
  allowed: readonly string[],
  metadata: MetadataJson,
): PhoneResult {
  if (text.trim() === '') return { ok: false, reason: 'phone_missing' };
  try {
    const phone = parsePhoneNumberWithError(toAsciiDigits(text), { defaultCountry: country }, metadata);
    const numberCountry = phone.country ?? country;
    if (
      !allowed.includes(numberCountry) ||
      phone.countryCallingCode !== getCountryCallingCode(numberCountry, metadata)
    ) {
      return { ok: false, reason: 'country_not_allowed' };
    }
    return phone.isValid()
      ? { ok: true, e164: phone.number, country: numberCountry }
      : { ok: false, reason: 'invalid_phone' };
  } catch (error) {
    // INVALID_COUNTRY: an international prefix the brand's metadata does not know.
    if (error instanceof ParseError && error.message === 'INVALID_COUNTRY')
      return { ok: false, reason: 'country_not_allowed' };
    return { ok: false, reason: 'invalid_phone' };
  }
}
