import { createRequire } from 'node:module';

interface MinMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

const fullMetadata = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as MinMetadata;

/**
 * libphonenumber-js "min" metadata restricted to the given countries (and the main country of their calling
 * codes, whose formats they share), in the library's own format,
 * so the element formats and checks numbers without bundling every country's rules.
 */
export function phoneMetadataFor(countries: readonly string[]): Record<string, unknown> {
  const wanted = new Set(countries);
  const callingCodes: Record<string, string[]> = {};
  const included = new Set<string>();
  for (const [code, regions] of Object.entries(fullMetadata.country_calling_codes)) {
    if (!regions.some((region) => wanted.has(region))) continue;
    // The first region of a shared calling code holds the formats the others use (e.g. GB for GG).
    const [main] = regions;
    const served = regions.filter((region, index) => index === 0 || wanted.has(region));
    callingCodes[code] = served;
    for (const region of served) included.add(region);
    if (main !== undefined) included.add(main);
  }
  return {
    version: fullMetadata.version,
    country_calling_codes: callingCodes,
    countries: Object.fromEntries([...included].map((country) => [country, fullMetadata.countries[country]])),
  };
}
