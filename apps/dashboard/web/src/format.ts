/** Numbers as the reader's locale writes them. Missing figures (null) show as an en dash. */
const MISSING = '–';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const seconds = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'second', maximumFractionDigits: 1 });
const milliseconds = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 });
const minutes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'minute', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const regions = new Intl.DisplayNames(undefined, { type: 'region' });

export const count = (value: number | null): string => (value === null ? MISSING : integer.format(value));
export const number = (value: number | null): string => (value === null ? MISSING : decimal.format(value));
export const percent = (share: number | null): string => (share === null ? MISSING : percentFormat.format(share));

/** A duration in the unit that reads best: 850 ms, 12.5 s, 3.2 min. */
export function duration(ms: number | null): string {
  if (ms === null) return MISSING;
  if (ms < 1_000) return milliseconds.format(ms);
  if (ms < 60_000) return seconds.format(ms / 1_000);
  return minutes.format(ms / 60_000);
}

export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
}

export const when = (epochMs: number): string => dateTime.format(epochMs);
export const clock = (epochMs: number): string => time.format(epochMs);

/** "Germany (DE)"; '' (unknown) as "Unknown". */
export function country(code: string): string {
  if (!code) return 'Unknown';
  return `${regions.of(code) ?? code} (${code})`;
}

/** `wrong_code_spike` or `session.created` as "Wrong code spike", "Session created". */
export function label(identifier: string): string {
  const words = identifier.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
