/**
 * GSM 03.38 default alphabet, one septet each (the escape code 0x1B left out: it is not a character), and its
 * extension table, whose characters take an escape septet plus their own.
 */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('\f^{}\\[~]|€');

/** Units per message: septets in GSM-7, UTF-16 code units in UCS-2; less per part once the user data header is in. */
const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const PER_PART = { 'GSM-7': 153, 'UCS-2': 67 } as const;

export type SmsEncoding = keyof typeof SINGLE;

export interface SmsSize {
  /** GSM-7 when every character is in the GSM alphabet, else UCS-2 (one non-GSM character switches the whole text). */
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** Parts the text is sent in, each billed as one SMS. */
  segments: number;
}

/** What the units of the size are called: "septets" or "UTF-16 units". */
export function unitsOf({ encoding }: SmsSize): string {
  return encoding === 'GSM-7' ? 'septets' : 'UTF-16 units';
}

/** "1 segment", "2 segments". */
export function segmentCount(segments: number): string {
  return `${segments} segment${segments === 1 ? '' : 's'}`;
}

/**
 * How a text goes out as SMS: its encoding and how many segments (billed messages) it takes. A long text is split
 * into parts of 153 septets or 67 UTF-16 units, and a character is never split across two parts (a GSM escape and
 * the character after it, or the two halves of a surrogate pair, stay together).
 */
export function smsSize(text: string): SmsSize {
  const characters = [...text];
  const isGsm = characters.every((character) => GSM_BASIC.has(character) || GSM_EXTENDED.has(character));
  const encoding: SmsEncoding = isGsm ? 'GSM-7' : 'UCS-2';
  const widths = characters.map((character) => (isGsm ? (GSM_EXTENDED.has(character) ? 2 : 1) : character.length));
  const units = widths.reduce((sum, width) => sum + width, 0);
  if (units <= SINGLE[encoding]) return { encoding, units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > PER_PART[encoding]) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments };
}
