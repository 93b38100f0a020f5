import { describe, expect, it } from 'vitest';
import { filterCountries } from '../src/controllers/filter-countries.js';
import type { CountryOption } from '../src/phone/countries.js';

const CALLING_CODES: Record<string, string> = {
  AT: '43',
  AU: '61',
  BY: '375',
  CA: '1',
  CI: '225',
  DE: '49',
  DK: '45',
  EG: '20',
  FR: '33',
  GB: '44',
  IT: '39',
  RU: '7',
  US: '1',
};

/** The countries named in `locale` by Intl.DisplayNames and sorted by name, as the element lists them. */
function countriesIn(locale: string, codes = Object.keys(CALLING_CODES)): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return codes
    .map((code) => ({ code, name: names.of(code) ?? code, callingCode: CALLING_CODES[code] ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

function codesFound(query: string, locale = 'en', countries = countriesIn(locale)): string[] {
  return filterCountries(countries, query, locale).map((country) => country.code);
}

describe('filterCountries', () => {
  it('lists every country, in the given order, while nothing is typed', () => {
    const countries = countriesIn('en');
    expect(filterCountries(countries, '', 'en')).toEqual(countries);
    expect(filterCountries(countries, '   ', 'en')).toEqual(countries);
  });

  it('finds names by their start, any word start or any part, ignoring case', () => {
    expect(codesFound('GERM')).toEqual(['DE']);
    expect(codesFound('united k')).toEqual(['GB']);
    expect(codesFound('kingdom')).toEqual(['GB']);
    expect(codesFound('ingdo')).toEqual(['GB']);
  });

  it('ignores diacritics and punctuation in names and in the query', () => {
    expect(codesFound('oster', 'de')).toEqual(['AT']);
    expect(codesFound('Österr', 'de')).toEqual(['AT']);
    expect(codesFound('konigreich', 'de')).toEqual(['GB']);
    expect(codesFound("cote d'iv")).toEqual(['CI']);
    expect(codesFound('côte divoire')).toEqual([]);
  });

  it('puts name starts before word starts before other parts, keeping the given order among equals', () => {
    const countries: CountryOption[] = [
      { code: 'BY', name: 'Belarus', callingCode: '375' },
      { code: 'IL', name: 'Israel', callingCode: '972' },
      { code: 'RU', name: 'Russia', callingCode: '7' },
      { code: 'TN', name: 'Tunisia', callingCode: '216' },
      { code: 'TC', name: 'Turks & Caicos Islands', callingCode: '1' },
    ];
    expect(codesFound('is', 'en', countries)).toEqual(['IL', 'TC', 'TN']);
    expect(codesFound('rus', 'en', countries)).toEqual(['RU', 'BY']);
  });

  it('finds a country by its ISO code first, then the names that match', () => {
    expect(codesFound('GB')).toEqual(['GB']);
    expect(codesFound('de')).toEqual(['DE', 'DK']);
    expect(codesFound('us')).toEqual(['US', 'AU', 'AT', 'BY', 'RU']);
  });

  it('finds countries by dial code with or without + or 00, exact codes first', () => {
    for (const query of ['+44', '44', '0044', ' + 44 ', '(+44)', '+٤٤']) expect(codesFound(query)).toEqual(['GB']);
    expect(codesFound('+1')).toEqual(['CA', 'US']);
    expect(codesFound('4')).toEqual(['AT', 'DK', 'DE', 'GB']);
    expect(codesFound('+3')).toEqual(['BY', 'FR', 'IT']);
  });

  it('puts the exact dial code first, then longer codes, then shorter codes the query starts with', () => {
    const countries: CountryOption[] = [
      { code: 'XL', name: 'Longer code', callingCode: '123' },
      { code: 'XS', name: 'Shorter code', callingCode: '1' },
      { code: 'XE', name: 'Exact code', callingCode: '12' },
    ];
    expect(codesFound('+12', 'en', countries)).toEqual(['XE', 'XL', 'XS']);
  });

  it('finds the country of a whole number typed or pasted in the search', () => {
    expect(codesFound('+49 151 2345678')).toEqual(['DE']);
    expect(codesFound('0033 6 12')).toEqual(['FR']);
  });

  it('finds nothing for a query no country matches', () => {
    expect(codesFound('atlantis')).toEqual([]);
    expect(codesFound('+999')).toEqual([]);
    expect(codesFound('0')).toEqual([]);
  });

  it('matches names in the customer language', () => {
    expect(codesFound('vereinigte', 'de')).toEqual(['US', 'GB']);
    expect(codesFound('Frankr', 'de')).toEqual(['FR']);
    expect(codesFound('ITALYA', 'tr')).toEqual(['IT']);
    expect(codesFound('ıtalya', 'tr')).toEqual(['IT']);
    expect(codesFound('wlochy', 'pl')).toEqual(['IT']);
    expect(codesFound('مصر', 'ar')).toEqual(['EG']);
    expect(codesFound('germany', 'de')).toEqual([]);
  });
});
