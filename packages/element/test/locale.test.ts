import { describe, expect, it } from 'vitest';
import { pickLocale } from '../src/locale.js';

describe('pickLocale', () => {
  it('takes the first valid tag, canonicalised', () => {
    expect(pickLocale('fr-fr', 'de')).toBe('fr-FR');
    expect(pickLocale(undefined, '', ' nl-BE ')).toBe('nl-BE');
  });

  it('skips tags that are not BCP 47', () => {
    expect(pickLocale('not a locale', 'en_GB', 'de-AT')).toBe('de-AT');
  });

  it('falls back on English', () => {
    expect(pickLocale(null, undefined, '')).toBe('en');
  });
});
