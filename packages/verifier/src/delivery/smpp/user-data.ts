import type { SmsEncoding } from '../sms-size.js';
import { smsSize } from '../sms-size.js';
import { gsm7Septets } from './gsm7.js';

/** SMPP data_coding: the SMSC's default alphabet (GSM-7 here) or UCS-2. */
export const DATA_CODING = { 'GSM-7': 0, 'UCS-2': 8 } as const;

/** Bytes per SMS alone, and per part once the 6-byte concatenation header is in. */
const SINGLE_BYTES = { 'GSM-7': 160, 'UCS-2': 140 } as const;
const PART_BYTES = { 'GSM-7': 153, 'UCS-2': 134 } as const;

export interface UserData {
  dataCoding: number;
  /** One element for a text that fits one SMS; otherwise the parts, each without its concatenation header. */
  parts: Buffer[];
}

function encodeCharacter(character: string, encoding: SmsEncoding): Buffer {
  return encoding === 'GSM-7' ? gsm7Septets(character) : Buffer.from(character, 'utf16le').swap16();
}

/**
 * A text as SMPP short_message bytes, in the encoding smsSize chose and split as smsSize counts: a character
 * (a GSM escape and its septet, or a surrogate pair) never straddles two parts.
 */
export function encodeUserData(text: string): UserData {
  const { encoding } = smsSize(text);
  const characters = [...text].map((character) => encodeCharacter(character, encoding));
  const whole = Buffer.concat(characters);
  if (whole.length <= SINGLE_BYTES[encoding]) return { dataCoding: DATA_CODING[encoding], parts: [whole] };
  const parts: Buffer[][] = [[]];
  let used = 0;
  for (const character of characters) {
    if (used + character.length > PART_BYTES[encoding]) {
      parts.push([]);
      used = 0;
    }
    parts.at(-1)?.push(character);
    used += character.length;
  }
  return { dataCoding: DATA_CODING[encoding], parts: parts.map((part) => Buffer.concat(part)) };
}

/** TS 23.040 concatenated-SMS header, 8-bit reference: IEI 0x00, part `number` (from 1) of `total`. */
export function concatenationHeader(reference: number, total: number, number: number): Buffer {
  return Buffer.of(0x05, 0x00, 0x03, reference & 0xff, total, number);
}
