import { countryData } from './metadata.js';
import type { PhoneMetadata } from './metadata.js';

export interface CountryOption {
  code: string;
  name: string;
  callingCode: string;
}

/** The brand's countries that the metadata covers, named in the customer's language and sorted by name. */
export function countryOptions(countries: readonly string[], metadata: PhoneMetadata, locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return countries
    .flatMap((code) => {
      const callingCode = countryData(metadata, code)?.[0];
      return callingCode ? [{ code, name: names.of(code) ?? code, callingCode }] : [];
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}
