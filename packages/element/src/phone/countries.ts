import { countryData } from './metadata.js';
import type { PhoneMetadata } from './metadata.js';

export interface CountryOption {
  code: string;
  name: string;
  callingCode: string;
}

/**
 * The brand's countries that the metadata covers, with their calling codes, in the order given: the verifier
 * names and sorts them in the customer's language (`countryNames` of the brand settings).
 */
export function countryOptions(
  countries: readonly { code: string; name: string }[],
  metadata: PhoneMetadata,
): CountryOption[] {
  return countries.flatMap(({ code, name }) => {
    const callingCode = countryData(metadata, code)?.[0];
    return callingCode ? [{ code, name, callingCode }] : [];
  });
}
