import type { Message } from './catalog.js';
import { fillPlaceholders } from './catalog.js';

export type Values = Readonly<Record<string, string | number>>;

/** The locale with Latin digits, whatever its default numbering system: codes and counts read as typed. */
function withLatinDigits(locale: string): Intl.Locale {
  return new Intl.Locale(locale, { numberingSystem: 'latn' });
}

/**
 * Fills a message's `{placeholder}`s: numbers in the locale's format with Latin digits, strings as they are; a
 * placeholder without a value stays as written. Counted text is picked by `values.count` with Intl.PluralRules,
 * falling back to `other`.
 */
export function formatMessage(locale: string, message: Message, values: Values = {}): string {
  const tag = withLatinDigits(locale);
  const text =
    typeof message === 'string'
      ? message
      : (message[new Intl.PluralRules(tag).select(Number(values.count))] ?? message.other);
  return fillPlaceholders(text, (name, placeholder) => {
    const value = values[name];
    if (typeof value === 'number') return new Intl.NumberFormat(tag, { useGrouping: false }).format(value);
    return value ?? placeholder;
  });
}

/** A wait in the locale's words ("in 30 seconds", "in 2 minutes"), rounded up to whole minutes from a minute on. */
export function formatRetryIn(locale: string, seconds: number): string {
  const relative = new Intl.RelativeTimeFormat(withLatinDigits(locale));
  return seconds < 60 ? relative.format(seconds, 'second') : relative.format(Math.ceil(seconds / 60), 'minute');
}
