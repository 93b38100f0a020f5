import { toAsciiDigits } from '../digits.js';
import type { CountryOption } from '../phone/countries.js';

/** A dial code as customers write it: "+44", "0044", "44", "+1 (684)". */
const DIAL_CODE = /^(?:\+|00)?(\d*)$/;
/** Letters that NFD does not split into a base letter and a mark. */
const UNMARKED: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss' };
const NO_MATCH = -1;

/** Lower case, without diacritics, punctuation collapsed to single spaces: "Côte d’Ivoire" → "cote d ivoire". */
function fold(text: string, locale: string): string {
  return text
    .toLocaleLowerCase(locale)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøđß]/g, (letter) => UNMARKED[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How well a country matches the query, best first (0), or NO_MATCH. */
function ranker(query: string, locale: string): (country: CountryOption) => number {
  const dial = DIAL_CODE.exec(toAsciiDigits(query).replace(/[\s().-]/g, ''));
  if (dial) {
    const digits = dial[1] ?? '';
    // A whole number typed or pasted ("+4915…") finds its country too.
    return ({ callingCode }) =>
      callingCode === digits ? 0 : callingCode.startsWith(digits) ? 1 : digits.startsWith(callingCode) ? 2 : NO_MATCH;
  }
  const words = fold(query, locale);
  return ({ code, name }) => {
    if (code.toLowerCase() === words) return 0;
    const folded = fold(name, locale);
    if (folded.startsWith(words)) return 1;
    if (` ${folded}`.includes(` ${words}`)) return 2;
    return folded.includes(words) ? 3 : NO_MATCH;
  };
}

/**
 * The countries matching what the customer typed in the picker: a name (any word start or part of it, ignoring
 * case and diacritics), an ISO code or a dial code. Best matches first, the given order kept among equals.
 */
export function filterCountries<T extends CountryOption>(countries: readonly T[], query: string, locale: string): T[] {
  const rank = ranker(query, locale);
  return countries
    .map((country) => ({ country, rank: rank(country) }))
    .filter((match) => match.rank !== NO_MATCH)
    .sort((a, b) => a.rank - b.rank)
    .map((match) => match.country);
}
