/** Locales come from requests, so the cache is bounded: a flood of odd locales cannot grow memory. */
const MAX_CACHED_FORMATS = 256;
const formatters = new Map<string, (amount: number) => string>();

/**
 * Writes amounts in minor units (API.md) for people, in the currency's own decimals: 4999 EUR in de-DE as
 * "49,99 €", or with `currencyDisplay: 'code'` as "49,99 EUR"; 4999 JPY as "¥4,999" in en.
 */
export function minorUnitsFormatter(
  locale: string,
  currency: string,
  currencyDisplay: 'symbol' | 'code' = 'symbol',
): (amount: number) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay });
  const perMajorUnit = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
  return (amount) => format.format(amount / perMajorUnit);
}

/** An amount in minor units formatted for people (minorUnitsFormatter), with the formatter cached. */
export function formatMinorUnits(
  amount: number,
  currency: string,
  locale: string,
  currencyDisplay: 'symbol' | 'code' = 'symbol',
): string {
  const key = `${locale}\0${currency}\0${currencyDisplay}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    // Building a formatter costs ~50 µs and a hot path formats with a handful of locale/currency pairs.
    formatter = minorUnitsFormatter(locale, currency, currencyDisplay);
    if (formatters.size >= MAX_CACHED_FORMATS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter(amount);
}
