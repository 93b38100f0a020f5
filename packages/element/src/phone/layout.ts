import { matchesWhole } from './metadata.js';
import type { NumberingPlan, PhoneFormat } from './metadata.js';
import type { TypedNumber } from './typed-number.js';

type PlannedNumber = TypedNumber & { plan: NumberingPlan };

/** A national number of the longest length any format takes, to draw a format's template from. */
const LONGEST_NUMBER = '9'.repeat(15);
/** Formats that only add separators around the groups ($1 first); others would change the typed digits. */
const KEEPS_DIGITS = /\$1(\$\d|[^\d$])*$/;

/**
 * Lays out the national part of a number as libphonenumber-js's AsYouType does for the whole input at once: as a
 * complete number when its length is possible and a format fits it, else in the template of the first format
 * whose leading digits fit. Undefined when no format takes the digits.
 */
export function layoutNational(typed: PlannedNumber): string | undefined {
  const { plan, nsn } = typed;
  const formats = nsn ? plan.formats.filter((format) => suits(format, typed) && leadsWith(format, nsn)) : plan.formats;
  if (plan.lengths.includes(nsn.length)) {
    for (const format of formats) {
      const complete = matchesWhole(nsn, format.pattern) && completeLayout(format, typed);
      if (complete) return complete;
    }
  }
  for (const format of formats) {
    if (!KEEPS_DIGITS.test(groupsFormat(format, typed))) continue;
    const template = templateFor(format, typed);
    if (template) return fillTemplate(template, typed.national);
  }
  return undefined;
}

function suits(format: PhoneFormat, typed: TypedNumber): boolean {
  const usesPrefix = usesNationalPrefix(format);
  if (typed.nationalPrefix && !usesPrefix && !format.prefixOptional) return false;
  return typed.lead !== undefined || Boolean(typed.nationalPrefix) || !usesPrefix || format.prefixOptional;
}

/**
 * Leading digits patterns come one per number of digits typed, from 3 on. Shorter numbers are matched against the
 * first pattern with every digit (or digit class) allowed to be the end of the input instead: the pattern then
 * accepts the beginnings of what it matches.
 */
function leadsWith(format: PhoneFormat, nsn: string): boolean {
  const patterns = format.leadingDigits;
  const pattern = patterns[Math.min(Math.max(nsn.length - 3, 0), patterns.length - 1)];
  if (pattern === undefined) return true;
  const opening = nsn.length < 3 ? pattern.replace(/\\d|\[[^\]]*\]|\d/g, '(?:$&|$$)') : pattern;
  return new RegExp(`^(?:${opening})`).test(nsn);
}

function usesNationalPrefix(format: PhoneFormat): boolean {
  return Boolean(format.prefixRule) && !/^\(?\$1\)?$/.test(format.prefixRule ?? '');
}

/** Whether to write the national prefix with the format's own rule ("0$1", "($1)"). */
function triesPrefixRule(format: PhoneFormat, typed: TypedNumber): boolean {
  if (!format.prefixRule) return false;
  return usesNationalPrefix(format) ? Boolean(typed.nationalPrefix) : typed.lead === undefined;
}

function prefixSeparator(format: PhoneFormat, plan: NumberingPlan): string {
  return plan.callingCode === '1' || /[- ]/.test(format.prefixRule ?? '') ? ' ' : '';
}

function groupsFormat(format: PhoneFormat, typed: TypedNumber): string {
  return typed.lead === undefined ? format.format : format.internationalFormat;
}

function completeLayout(format: PhoneFormat, typed: PlannedNumber): string | undefined {
  if (triesPrefixRule(format, typed)) {
    const withRule = render(format, typed, true);
    if (digitsOf(withRule) === typed.national) return withRule;
  }
  let text = render(format, typed, false);
  if (typed.nationalPrefix) text = typed.nationalPrefix + prefixSeparator(format, typed.plan) + text;
  else if (typed.otherPrefix) text = `${typed.otherPrefix} ${text}`;
  return digitsOf(text) === typed.national ? text : undefined;
}

function render(format: PhoneFormat, typed: TypedNumber, withPrefixRule: boolean): string {
  const layout =
    withPrefixRule && format.prefixRule && typed.lead === undefined
      ? format.format.replace(/(\$\d)/, format.prefixRule)
      : groupsFormat(format, typed);
  const text = typed.nsn.replace(new RegExp(format.pattern), layout);
  return typed.lead === undefined ? text : international(text);
}

/** The format drawn with x for every digit, national prefix included ("xxxxx xxxxxx"). */
function templateFor(format: PhoneFormat, typed: PlannedNumber): string | undefined {
  const longest = LONGEST_NUMBER.match(new RegExp(format.pattern))?.[0] ?? '';
  if (typed.nsn.length > longest.length) return undefined;
  const typedLength = typed.nsn.replace(/\d/g, '9');
  const sample = matchesWhole(typedLength, format.pattern) ? typedLength : longest;
  const nationalPrefix = typed.nationalPrefix ?? '';
  let layout = groupsFormat(format, typed);
  const prefixInRule = triesPrefixRule(format, typed) && digitsOf(format.prefixRule ?? '') === `${nationalPrefix}1`;
  if (prefixInRule) {
    layout = [...nationalPrefix].reduce(
      (text) => text.replace(/\d/, 'x'),
      layout.replace(/(\$\d)/, format.prefixRule ?? ''),
    );
  }
  let template = sample.replace(new RegExp(format.pattern), layout).replace(/9/g, 'x');
  if (!prefixInRule && typed.otherPrefix) template = `${'x'.repeat(typed.otherPrefix.length)} ${template}`;
  else if (!prefixInRule && nationalPrefix) {
    template = 'x'.repeat(nationalPrefix.length) + prefixSeparator(format, typed.plan) + template;
  }
  return typed.lead === undefined ? template : international(template);
}

/** Puts the digits into the template's places; the result ends after the last digit (and a closing bracket). */
function fillTemplate(template: string, digits: string): string | undefined {
  let filled = template;
  let end = 0;
  for (const digit of digits) {
    const place = filled.indexOf('x');
    if (place < 0) return undefined;
    filled = filled.slice(0, place) + digit + filled.slice(place + 1);
    end = place + 1;
  }
  if (filled[end] === ')') end += 1;
  return withoutOpenBrackets(filled.slice(0, end));
}

/** Drops a ( whose ) is not reached yet (formats have no nested brackets). */
function withoutOpenBrackets(text: string): string {
  return text.replace(/\((?![^(]*\))/g, '');
}

/** International numbers are grouped with spaces only. */
function international(text: string): string {
  return text.replace(/[^\dx]+/g, ' ').trim();
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
