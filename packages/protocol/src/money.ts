/** An amount in minor units (API.md) formatted for people, e.g. 4999 EUR in de-DE as "49,99 €". */
export function formatMinorUnits(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const fractionDigits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** fractionDigits);
}
