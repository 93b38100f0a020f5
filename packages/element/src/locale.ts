function canonical(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The first valid BCP 47 tag among the candidates, in order of preference; English when none is. */
export function pickLocale(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const tag = canonical(candidate?.trim());
    if (tag) return tag;
  }
  return 'en';
}
