import type { Message } from './catalog.js';
import { fillPlaceholders } from './catalog.js';

export type Values = Readonly<Record<string, string | number>>;

/**
 * One Intl object per locale, built when first needed: building them is slow (the first loads the locale's data,
 * about 20 ms on this project's test machines), and the element formats dozens of messages when it starts.
 * Built with Latin digits whatever the locale's default numbering system: codes and counts read as typed.
 */
function perLocale<T>(build: (locale: Intl.Locale) => T): (locale: string) => T {
  const built = new Map<string, T>();
  return (locale) => {
    let value = built.get(locale);
    if (value === undefined) {
      value = build(new Intl.Locale(locale, { numberingSystem: 'latn' }));
      built.set(locale, value);
    }
    return value;
  };
}

const pluralRules = perLocale((locale) => new Intl.PluralRules(locale));
const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale, { useGrouping: false }));
const relativeTimeFormat = perLocale((locale) => new Intl.RelativeTimeFormat(locale));

/**
 * Fills a message's `{placeholder}`s: numbers in the locale's format with Latin digits, strings as they are; a
 * placeholder without a value stays as written. Counted text is picked by `values.count` with Intl.PluralRules,
 * falling back to `other`.
 */
export function formatMessage(locale: string, message: Message, values: Values = {}): string {
  const text =
    typeof message === 'string'
      ? message
      : (message[pluralRules(locale).select(Number(values.count))] ?? message.other);
  return fillPlaceholders(text, (name, placeholder) => {
    const value = values[name];
    if (typeof value === 'number') return numberFormat(locale).format(value);
    return value ?? placeholder;
  });
}

/** A wait in the locale's words ("in 30 seconds", "in 2 minutes"), rounded up to whole minutes from a minute on. */
export function formatRetryIn(locale: string, seconds: number): string {
  const relative = relativeTimeFormat(locale);
  return seconds < 60 ? relative.format(seconds, 'second') : relative.format(Math.ceil(seconds / 60), 'minute');
}
