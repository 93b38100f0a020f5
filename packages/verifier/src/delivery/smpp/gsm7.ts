/** GSM 03.38 default alphabet in code order; 0x1B is the escape to the extension table, not a character. */
const DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const ESCAPE = 0x1b;
const EXTENSION = new Map<string, number>([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);
const CODES = new Map([...DEFAULT_ALPHABET].map((character, code) => [character, code]));
CODES.delete('\u001b');

/**
 * One character as GSM-7 septets, one per byte (SMPP sends the default alphabet unpacked): an extension-table
 * character is the escape septet and its own.
 */
export function gsm7Septets(character: string): Buffer {
  const code = CODES.get(character);
  if (code !== undefined) return Buffer.of(code);
  const extended = EXTENSION.get(character);
  if (extended !== undefined) return Buffer.of(ESCAPE, extended);
  throw new RangeError(`${JSON.stringify(character)} is not in the GSM 7-bit alphabet`);
}
