import type { Random } from './random.js';

/**
 * Phone numbers as the simulated customers and attackers type them (E.164). Mobile ranges are the operators' real
 * ones, weighted roughly by their subscribers (libphonenumber-js's metadata calls each of them MOBILE).
 */
const GERMAN_MOBILE: readonly (readonly [{ prefix: string; digits: number }, number])[] = [
  // Telekom
  [{ prefix: '151', digits: 8 }, 14],
  [{ prefix: '160', digits: 7 }, 5],
  [{ prefix: '170', digits: 7 }, 5],
  [{ prefix: '171', digits: 7 }, 5],
  [{ prefix: '175', digits: 7 }, 4],
  // Vodafone
  [{ prefix: '152', digits: 8 }, 12],
  [{ prefix: '162', digits: 7 }, 4],
  [{ prefix: '172', digits: 7 }, 5],
  [{ prefix: '173', digits: 7 }, 4],
  [{ prefix: '174', digits: 7 }, 3],
  // Telefónica (O2) and its brands
  [{ prefix: '157', digits: 8 }, 10],
  [{ prefix: '159', digits: 8 }, 6],
  [{ prefix: '176', digits: 8 }, 9],
  [{ prefix: '177', digits: 7 }, 3],
  [{ prefix: '178', digits: 7 }, 3],
  [{ prefix: '179', digits: 7 }, 2],
  [{ prefix: '163', digits: 7 }, 2],
];

const AUSTRIAN_MOBILE: readonly (readonly [string, number])[] = [
  ['664', 9], // A1
  ['660', 4],
  ['699', 3],
  ['676', 7], // Magenta
  ['650', 3],
  ['681', 2],
  ['680', 2],
  ['688', 1],
];

export function germanMobile(random: Random): string {
  const range = random.weighted(GERMAN_MOBILE);
  return `+49${range.prefix}${random.digits(range.digits)}`;
}

export function austrianMobile(random: Random): string {
  return `+43${random.weighted(AUSTRIAN_MOBILE)}${random.digits(7)}`;
}

/** The prefix the risk engine counts per (the number minus its last 4 digits). */
export function prefixOf(e164: string): string {
  return e164.slice(0, -4);
}

/**
 * The number as a customer mistypes it: one digit left out (too short: no valid number), or one digit off
 * (usually still a valid number: a stranger's).
 */
export function mistyped(random: Random, e164: string, kind: 'missing_digit' | 'digit_off'): string {
  const national = e164.slice(3);
  const at = random.int(3, national.length - 1);
  const digit = Number(national[at]);
  const changed =
    kind === 'missing_digit'
      ? national.slice(0, at) + national.slice(at + 1)
      : national.slice(0, at) + String((digit + random.int(1, 9)) % 10) + national.slice(at + 1);
  return e164.slice(0, 3) + changed;
}

/** The n-th number of a sequential range: `start` plus n, as wide as `start`. */
export function sequential(start: string, n: number): string {
  const digits = start.slice(1);
  return `+${(BigInt(digits) + BigInt(n)).toString().padStart(digits.length, '0')}`;
}
