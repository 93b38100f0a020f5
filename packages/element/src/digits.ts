const DECIMAL_DIGIT = /\p{Nd}/u;
const ANY_DECIMAL_DIGIT = /\p{Nd}/gu;

/**
 * The value of a Unicode decimal digit. Unicode encodes every decimal digit set as a contiguous run
 * 0-9 (adjacent sets, like the mathematical digits, follow one another), so the value is the distance
 * to the start of the run, modulo 10. This avoids shipping a table of every script's digits.
 */
function digitValue(codePoint: number): number {
  let zero = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return (codePoint - zero) % 10;
}

/** Replaces every Unicode decimal digit (Arabic-Indic, Devanagari, full-width...) with its ASCII digit. */
export function toAsciiDigits(text: string): string {
  return text.replace(ANY_DECIMAL_DIGIT, (digit) => String(digitValue(digit.codePointAt(0) ?? 0)));
}

/** The code as the verifier expects it: ASCII digits only, spaces, dashes and other separators removed. */
export function normalizeCode(text: string, length: number): string {
  return toAsciiDigits(text)
    .replace(/[^0-9]/g, '')
    .slice(0, length);
}
