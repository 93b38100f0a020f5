/** Locales come from requests, so the cache is bounded: a flood of odd locales cannot grow memory. */
const MAX_CACHED_FORMATS = 256;
const formats = new Map<string, { format: Intl.NumberFormat; fractionDigits: number }>();

/** An amount in minor units (API.md) formatted for people, e.g. 4999 EUR in de-DE as "49,99 €". */
export function formatMinorUnits(amount: number, currency: string, locale: string): string {
  const key = `${locale}\0${currency}`;
  let entry = formats.get(key);
  if (entry === undefined) {
    // Building a formatter costs ~50 µs and a hot path formats with a handful of locale/currency pairs.
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    entry = { format, fractionDigits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    if (formats.size >= MAX_CACHED_FORMATS) formats.clear();
    formats.set(key, entry);
  }
  return entry.format.format(amount / 10 ** entry.fractionDigits);
}
