import { countryOfNumber, matchesWhole, numberingPlan } from './metadata.js';
import type { NumberingPlan, PhoneMetadata } from './metadata.js';

export interface NationalPrefixSplit {
  /** The national significant number. */
  nsn: string;
  nationalPrefix?: string;
}

/**
 * Splits off the national prefix (0 in most of Europe) as the plan's prefix-for-parsing rule finds it. Where the
 * rule captures part of the number and the plan has a transform rule (GG, VI...), the number is rewritten instead.
 */
export function stripNationalPrefix(digits: string, plan: NumberingPlan): NationalPrefixSplit {
  const rule = plan.prefixForParsing && new RegExp(`^(?:${plan.prefixForParsing})`);
  const match = rule && rule.exec(digits);
  if (!rule || !match) return { nsn: digits };
  const captured = match.length > 1 && match[match.length - 1];
  if (!captured) return { nsn: digits.slice(match[0].length), nationalPrefix: match[0] };
  const typedPrefix = digits.slice(0, digits.indexOf(match[1] ?? ''));
  return {
    nsn: plan.prefixTransform ? digits.replace(rule, plan.prefixTransform) : digits.slice(match[0].length),
    nationalPrefix: typedPrefix === plan.nationalPrefix ? typedPrefix : undefined,
  };
}

/**
 * The national significant number of a complete number: the national prefix is only taken off when what remains
 * still fits the plan (in some countries the prefix digit also starts valid numbers).
 */
export function completeNationalNumber(digits: string, plan: NumberingPlan, metadata: PhoneMetadata): string {
  const { nsn } = stripNationalPrefix(digits, plan);
  if (nsn === digits || (matchesWhole(digits, plan.pattern) && !matchesWhole(nsn, plan.pattern))) return digits;
  const country = countryOfNumber(metadata, plan.callingCode, nsn);
  const { lengths } = (country && numberingPlan(metadata, country)) || plan;
  return lengths.includes(nsn.length) || isTooLong(nsn, lengths) ? nsn : digits;
}

function isTooLong(nsn: string, lengths: number[]): boolean {
  return nsn.length > Math.max(...lengths);
}

/** The digits after an international call prefix (00, 011...) of the plan, if the number starts with one. */
export function afterIddPrefix(digits: string, plan: NumberingPlan): string | undefined {
  const prefix = new RegExp(`^(?:${plan.iddPrefix})`).exec(digits)?.[0];
  const rest = digits.slice(prefix?.length);
  // No calling code starts with 0.
  return prefix && !rest.startsWith('0') ? rest : undefined;
}

/** The plan's calling code when the digits are an international number typed without its + (4917...). */
export function callingCodeWithoutPlus(digits: string, plan: NumberingPlan, metadata: PhoneMetadata) {
  const { callingCode, pattern, lengths } = plan;
  if (!digits.startsWith(callingCode)) return undefined;
  const asNational = completeNationalNumber(digits, plan, metadata);
  const asInternational = completeNationalNumber(digits.slice(callingCode.length), plan, metadata);
  const betterInternational = !matchesWhole(asNational, pattern) && matchesWhole(asInternational, pattern);
  return betterInternational || isTooLong(asNational, lengths) ? callingCode : undefined;
}
