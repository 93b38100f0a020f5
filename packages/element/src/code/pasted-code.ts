import { toAsciiDigits } from '../digits.js';

/** The WebOTP line the verifier ends every SMS with: `@<host> #<code>`. */
const WEB_OTP_LINE = /@\S+ #(\d+)\s*$/m;
/** Digits, possibly grouped by single spaces, dashes or dots: "123 456", "123-456", "12.34.56". */
const DIGIT_GROUPS = /\d+(?:[\s.\-\u2010-\u2015\u2212]\d+)*/g;

export interface PastedCode {
  /** ASCII digits only. */
  digits: string;
  /** A whole code of the right length was found: it replaces what is in the field. */
  whole: boolean;
}

/**
 * The code in pasted text: the whole SMS (its WebOTP line), a code with separators or in other digits, or
 * just some digits, which the field inserts at the caret.
 */
export function pastedCode(text: string, length: number): PastedCode {
  const ascii = toAsciiDigits(text);
  const fromWebOtpLine = WEB_OTP_LINE.exec(ascii)?.[1];
  if (fromWebOtpLine?.length === length) return { digits: fromWebOtpLine, whole: true };
  for (const group of ascii.match(DIGIT_GROUPS) ?? []) {
    const digits = group.replace(/\D/g, '');
    if (digits.length === length) return { digits, whole: true };
  }
  return { digits: ascii.replace(/\D/g, ''), whole: false };
}
