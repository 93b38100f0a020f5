import { createRequire } from 'node:module';

interface MinMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

const fullMetadata = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as MinMetadata;

/**
 * libphonenumber-js "min" metadata restricted to the given countries, in the library's own format,
 * so the element formats and checks numbers without bundling every country's rules.
 */
export function phoneMetadataFor(countries: readonly string[]): Record<string, unknown> {
  const wanted = new Set(countries);
  const callingCodes: Record<string, string[]> = {};
  for (const [code, regions] of Object.entries(fullMetadata.country_calling_codes)) {
    const served = regions.filter((region) => wanted.has(region));
    if (served.length > 0) callingCodes[code] = served;
  }
  return {
    version: fullMetadata.version,
    country_calling_codes: callingCodes,
    countries: Object.fromEntries(countries.map((country) => [country, fullMetadata.countries[country]])),
  };
}
