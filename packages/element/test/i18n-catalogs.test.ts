import { describe, expect, it } from 'vitest';
import type { Message } from '../src/i18n/catalog.js';
import { placeholdersOf } from '../src/i18n/catalog.js';
import { catalogs } from '../src/i18n/locales/index.js';
import { LOCALES } from '../src/i18n/negotiate.js';

const english = catalogs.en;
const englishKeys = Object.keys(english).sort();
const translated = LOCALES.filter((locale) => locale !== 'en');
const sorted = (names: string[]) => [...names].sort();

/** Every text a message can show: the text itself, or each plural variant. */
const variants = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));

describe('catalogs', () => {
  it('exist for the ten locales the issue asks for', () => {
    expect(sorted(Object.keys(catalogs))).toEqual(sorted(['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt', 'tr', 'ar']));
  });

  it.each(translated)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(englishKeys);
  });

  it.each(translated)('%s translates text as text and counted text as counted text', (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale])) {
      const englishMessage = english[key as keyof typeof english];
      expect(typeof message, key).toBe(typeof englishMessage);
    }
  });

  it.each(translated)('%s uses exactly the English placeholders in text, and only those in counted text', (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale])) {
      const expected = sorted(placeholdersOf(english[key as keyof typeof english]));
      if (typeof message === 'string') {
        expect(sorted(placeholdersOf(message)), key).toEqual(expected);
      } else {
        // A variant may leave the number out (Arabic says "two attempts" in one word); "other" never does.
        for (const text of variants(message))
          expect(expected, key).toEqual(expect.arrayContaining(placeholdersOf(text)));
        expect(sorted(placeholdersOf(message.other)), key).toEqual(expected);
      }
    }
  });

  it.each(LOCALES)('%s has a sentence for every plural category a count from 0 to 100 selects', (locale) => {
    const rules = new Intl.PluralRules(locale);
    const needed = new Set(Array.from({ length: 101 }, (_, count) => rules.select(count)));
    const allowed = rules.resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalogs[locale])) {
      if (typeof message === 'string') continue;
      expect(allowed, key).toEqual(expect.arrayContaining(Object.keys(message)));
      expect(Object.keys(message), key).toEqual(expect.arrayContaining([...needed]));
    }
  });

  it('needs one/few/many/other in Polish and all six categories in Arabic', () => {
    expect(sorted(Object.keys(catalogs.pl.wrongCodeAttemptsLeft))).toEqual(['few', 'many', 'one', 'other']);
    expect(sorted(Object.keys(catalogs.ar.wrongCodeAttemptsLeft))).toEqual(
      sorted(['zero', 'one', 'two', 'few', 'many', 'other']),
    );
  });

  it.each(translated)('%s is translated, not copied from English', (locale) => {
    const copied = Object.entries(catalogs[locale]).filter(
      ([key, message]) => JSON.stringify(message) === JSON.stringify(english[key as keyof typeof english]),
    );
    // Only text made of placeholders alone may stay as it is.
    expect(['countryOption']).toEqual(expect.arrayContaining(copied.map(([key]) => key)));
  });
});
