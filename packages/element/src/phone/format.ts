import { layoutNational } from './layout.js';
import { numberingPlan } from './metadata.js';
import type { PhoneMetadata } from './metadata.js';
import { phoneChars } from './phone-chars.js';
import { readTypedNumber, rereadTypedNumber } from './typed-number.js';
import type { TypedNumber } from './typed-number.js';

export interface FormattedPhone {
  value: string;
  /** The number's country: the chosen one for a national number, the one its calling code tells otherwise. */
  country: string | undefined;
}

/**
 * Formats a partly typed number the way libphonenumber-js's AsYouType formats it when given the whole text:
 * "07700900123" in GB gives "07700 900123", "+33612345678" gives "+33 6 12 34 56 78" (country FR). Digits no format
 * takes stay as typed. Only a leading + and the digits of `text` count.
 */
export function formatPhoneInput(text: string, country: string, metadata: PhoneMetadata): FormattedPhone {
  const chars = phoneChars(text);
  const home = numberingPlan(metadata, country);
  if (!chars.digits || !home) return { value: (chars.plus ? '+' : '') + chars.digits, country: undefined };
  let typed = readTypedNumber(chars, home, metadata);
  let national = laidOut(typed);
  if (national === undefined) {
    const reread = rereadTypedNumber(typed, chars.digits, home, metadata);
    if (reread) [typed, national] = [reread, reread.national ? laidOut(reread) : undefined];
  }
  return { value: joined(typed, national || asTyped(typed)), country: typed.country };
}

function laidOut(typed: TypedNumber): string | undefined {
  return typed.plan && layoutNational({ ...typed, plan: typed.plan });
}

function asTyped(typed: TypedNumber): string {
  return typed.rewritten ? typed.national : (typed.otherPrefix || typed.nationalPrefix || '') + typed.nsn;
}

function joined({ lead, callingCode }: TypedNumber, national: string): string {
  if (lead === undefined) return national;
  const head = lead === '+' || lead === '' ? lead : `${lead} `;
  return (head + [callingCode, national].filter(Boolean).join(' ')).trim();
}
