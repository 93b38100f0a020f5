import { callingCodePlan, countryOfNumber, leadingCallingCode, numberingPlan } from './metadata.js';
import type { NumberingPlan, PhoneMetadata } from './metadata.js';
import { afterIddPrefix, callingCodeWithoutPlus, stripNationalPrefix } from './national.js';
import type { PhoneChars } from './phone-chars.js';

/** A partly typed number, split into the parts the formatter lays out. */
export interface TypedNumber {
  /** What precedes the calling code: '+', an international call prefix ('00'), or '' when the + was left out. */
  lead?: string;
  callingCode?: string;
  /** The digits after the lead and the calling code, national prefix included. */
  national: string;
  /** The national significant number. */
  nsn: string;
  nationalPrefix?: string;
  /** Digits before the national significant number other than the national prefix. */
  otherPrefix?: string;
  /** The national significant number is not the typed digits (the plan's transform rule added some). */
  rewritten?: boolean;
  plan?: NumberingPlan;
  country?: string;
}

/** Reads the typed characters as an international number, one with an international call prefix, or a national one. */
export function readTypedNumber({ plus, digits }: PhoneChars, home: NumberingPlan, metadata: PhoneMetadata) {
  if (plus) return internationalNumber('+', digits, metadata);
  // Like libphonenumber-js, an international call prefix is only looked for from the third digit on.
  return (digits.length >= 3 && iddNumber(digits, home, metadata)) || nationalNumber(digits, home);
}

/**
 * Another reading of a number that could not be laid out: an international number written with a national
 * prefix (+44 07700...), a short international call prefix, or an international number without its +.
 */
export function rereadTypedNumber(
  typed: TypedNumber,
  digits: string,
  home: NumberingPlan,
  metadata: PhoneMetadata,
): TypedNumber | undefined {
  if (typed.lead === undefined) return iddNumber(digits, home, metadata) ?? missingPlusNumber(digits, home, metadata);
  const split = withNationalPrefix(typed, metadata);
  return split.nsn === typed.nsn ? undefined : split;
}

function nationalNumber(digits: string, home: NumberingPlan): TypedNumber {
  return { national: digits, ...splitNational(digits, home), plan: home, country: home.country };
}

function internationalNumber(lead: string, digits: string, metadata: PhoneMetadata): TypedNumber {
  const callingCode = leadingCallingCode(metadata, digits);
  if (!callingCode) return { lead, national: digits, nsn: digits };
  const national = digits.slice(callingCode.length);
  return settled(
    { lead, callingCode, national, nsn: national, plan: callingCodePlan(metadata, callingCode) },
    metadata,
  );
}

function iddNumber(digits: string, home: NumberingPlan, metadata: PhoneMetadata) {
  const rest = afterIddPrefix(digits, home);
  return rest === undefined
    ? undefined
    : internationalNumber(digits.slice(0, digits.length - rest.length), rest, metadata);
}

function missingPlusNumber(digits: string, home: NumberingPlan, metadata: PhoneMetadata) {
  if (!callingCodeWithoutPlus(digits, home, metadata)) return undefined;
  return withNationalPrefix(internationalNumber('', digits, metadata), metadata);
}

/** An international number with its national prefix (if any) split off, as some write +44 (0)7700... */
function withNationalPrefix(typed: TypedNumber, metadata: PhoneMetadata): TypedNumber {
  return typed.plan ? settled({ ...typed, ...splitNational(typed.national, typed.plan) }, metadata) : typed;
}

function splitNational(national: string, plan: NumberingPlan): Omit<TypedNumber, 'national'> {
  const { nsn, nationalPrefix } = stripNationalPrefix(national, plan);
  if (nsn === national) return { nsn };
  const rewritten = !national.endsWith(nsn);
  const before = national.slice(0, national.length - nsn.length);
  return { nsn, nationalPrefix, rewritten, otherPrefix: !rewritten && before !== nationalPrefix ? before : undefined };
}

/** Settles the country of an international number from its digits, and the plan that lays it out. */
function settled(typed: TypedNumber, metadata: PhoneMetadata): TypedNumber {
  const country = countryOfNumber(metadata, typed.callingCode ?? '', typed.nsn);
  return { ...typed, country, plan: (country && numberingPlan(metadata, country)) || typed.plan };
}
