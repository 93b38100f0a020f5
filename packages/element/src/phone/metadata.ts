/** One formatting rule: [pattern, format, leading digits patterns, national prefix rule, prefix optional, international format]. */
export type FormatMetadata = [
  pattern: string,
  format: string,
  leadingDigits?: string[] | 0,
  prefixRule?: string | 0,
  prefixOptional?: number,
  internationalFormat?: string | 0,
];

/** A number type (mobile, fixed line...): [pattern, possible lengths when they differ from the country's]. */
export type TypeMetadata = [pattern: string, lengths?: number[]];

/** A country in libphonenumber-js "min" metadata; absent values are 0 or left out. */
export type CountryMetadata = [
  callingCode: string,
  iddPrefix: string,
  pattern: string,
  lengths: number[],
  formats?: FormatMetadata[] | 0,
  nationalPrefix?: string | 0,
  prefixRule?: string | 0,
  prefixForParsing?: string | 0,
  prefixTransform?: string | 0,
  prefixOptional?: number,
  leadingDigits?: string | 0,
  types?: (TypeMetadata | 0)[] | 0,
  ...unused: unknown[],
];

/** libphonenumber-js "min" metadata, as the verifier serves it for the brand's countries. */
export interface PhoneMetadata {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, CountryMetadata>;
}

export interface PhoneFormat {
  pattern: string;
  format: string;
  internationalFormat: string;
  leadingDigits: string[];
  prefixRule: string | undefined;
  prefixOptional: boolean;
}

/** A country's numbering plan; formats and prefix rules come from the main country of a shared calling code. */
export interface NumberingPlan {
  country: string;
  callingCode: string;
  iddPrefix: string;
  pattern: string;
  lengths: number[];
  formats: PhoneFormat[];
  nationalPrefix: string | undefined;
  prefixForParsing: string | undefined;
  prefixTransform: string | undefined;
  leadingDigits: string | undefined;
  types: (TypeMetadata | 0)[] | undefined;
}

/** The brand's phone metadata, if it has the shape of libphonenumber-js metadata. */
export function asMetadata(value: unknown): PhoneMetadata | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { countries, country_calling_codes: callingCodes } = value as Record<string, unknown>;
  const isObject = (part: unknown) => typeof part === 'object' && part !== null;
  return isObject(countries) && isObject(callingCodes) ? (value as PhoneMetadata) : undefined;
}

export function countryData(metadata: PhoneMetadata, country: string): CountryMetadata | undefined {
  return Object.hasOwn(metadata.countries, country) ? metadata.countries[country] : undefined;
}

export function numberingPlan(metadata: PhoneMetadata, country: string): NumberingPlan | undefined {
  const data = countryData(metadata, country);
  if (!data) return undefined;
  const [callingCode, iddPrefix, pattern, lengths, formats, nationalPrefix, prefixRule, prefixForParsing] = data;
  const main = countryData(metadata, metadata.country_calling_codes[callingCode]?.[0] ?? '') ?? data;
  const planRule = prefixRule || main[6];
  const planOptional = data[9] || main[9];
  return {
    country,
    callingCode,
    iddPrefix,
    pattern,
    lengths,
    formats: (formats || main[4] || []).map(([formatPattern, format, leading, rule, optional, international]) => ({
      pattern: formatPattern,
      format,
      internationalFormat: international || format,
      leadingDigits: leading || [],
      prefixRule: rule || planRule || undefined,
      prefixOptional: Boolean(optional || planOptional),
    })),
    nationalPrefix: nationalPrefix || undefined,
    prefixForParsing: prefixForParsing || nationalPrefix || undefined,
    prefixTransform: data[8] || undefined,
    leadingDigits: data[10] || undefined,
    types: data[11] || undefined,
  };
}

/** The plan of the main country of a calling code (US for +1, GB for +44). */
export function callingCodePlan(metadata: PhoneMetadata, callingCode: string): NumberingPlan | undefined {
  return numberingPlan(metadata, metadata.country_calling_codes[callingCode]?.[0] ?? '');
}

/** The calling code an international number (digits after + or the IDD prefix) starts with. */
export function leadingCallingCode(metadata: PhoneMetadata, digits: string): string | undefined {
  if (digits.startsWith('0')) return undefined;
  // Calling codes are prefix-free, so the first one found is the one.
  for (let length = 1; length <= Math.min(3, digits.length); length++) {
    const code = digits.slice(0, length);
    if (Object.hasOwn(metadata.country_calling_codes, code)) return code;
  }
  return undefined;
}

export function matchesWhole(text: string, pattern: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(text);
}

/** Whether a national number is valid: its country's pattern, and one of its number types where the metadata has them. */
export function isValidNumber(plan: NumberingPlan, nationalNumber: string): boolean {
  return plan.types?.length ? hasNumberType(plan, nationalNumber) : matchesWhole(nationalNumber, plan.pattern);
}

function hasNumberType(plan: NumberingPlan, nationalNumber: string): boolean {
  return (
    matchesWhole(nationalNumber, plan.pattern) &&
    (plan.types ?? []).some(
      (type) =>
        type &&
        type[0] !== '' &&
        (type[1] || plan.lengths).includes(nationalNumber.length) &&
        matchesWhole(nationalNumber, type[0]),
    )
  );
}

/**
 * The country a national number belongs to among those sharing its calling code: the only one, or the first whose
 * leading digits (or, without them, number types) fit.
 */
export function countryOfNumber(metadata: PhoneMetadata, callingCode: string, nationalNumber: string) {
  const countries = metadata.country_calling_codes[callingCode];
  if (countries?.length === 1) return countries[0];
  return countries?.find((country) => {
    const plan = numberingPlan(metadata, country);
    if (!plan) return false;
    return plan.leadingDigits
      ? new RegExp(`^(?:${plan.leadingDigits})`).test(nationalNumber)
      : hasNumberType(plan, nationalNumber);
  });
}
