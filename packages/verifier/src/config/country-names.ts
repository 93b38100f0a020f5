/**
 * The brand's countries named in `locale`, in that language's alphabetical order: the element's country picker
 * shows them as they are, so the checkout page loads no Intl region names or collation data while it starts.
 */
export function countryNames(countries: readonly string[], locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return countries
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
