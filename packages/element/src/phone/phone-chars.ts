import { toAsciiDigits } from '../digits.js';

export interface PhoneChars {
  /** Typed with a + before the first digit. */
  plus: boolean;
  /** Every digit in order, as ASCII. */
  digits: string;
}

/** What counts in a typed phone number: a leading + and the digits (in any script); the rest is layout. */
export function phoneChars(text: string): PhoneChars {
  const ascii = toAsciiDigits(text);
  return { plus: /^\D*\+/.test(ascii), digits: ascii.replace(/\D/g, '') };
}

/** The characters that count, as one string ("+4477..."). */
export function significantChars(text: string): string {
  const { plus, digits } = phoneChars(text);
  return (plus ? '+' : '') + digits;
}
