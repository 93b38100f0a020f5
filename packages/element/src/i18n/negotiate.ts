/** The locales with a catalog. English is the reference and the fallback; the element bundles only English. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt', 'tr', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

function language(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return undefined;
  }
}

/**
 * The first candidate whose language has a catalog ('de-AT' gives 'de', 'pt-BR' gives 'pt'), in order of
 * preference; English when none has. A tag that is not BCP 47 counts as unknown.
 */
export function negotiateLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const match = candidate ? language(candidate.trim()) : undefined;
    if (match !== undefined && isLocale(match)) return match;
  }
  return 'en';
}

/** The direction the locale's catalog is written in (English text is left-to-right whatever the tag). */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return negotiateLocale([locale]) === 'ar' ? 'rtl' : 'ltr';
}
