import { closest, distance } from 'fastest-levenshtein';

/** Typos worth a suggestion: a letter or three off (`--otp-colour-brand`, `--otp-color-brnad`). */
const MAX_EDITS = 3;

/** The known name a misspelt one most likely meant, or undefined when none is close. */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closest(name, [...known]);
  return distance(name, candidate) <= MAX_EDITS ? candidate : undefined;
}
