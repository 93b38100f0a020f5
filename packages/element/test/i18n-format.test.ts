import { describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/locales/index.js';
import { formatMessage, formatRetryIn } from '../src/i18n/format.js';
import { negotiateLocale, textDirection } from '../src/i18n/negotiate.js';

const attemptsLeft = (locale: 'en' | 'pl' | 'ar', count: number) =>
  formatMessage(locale, catalogs[locale].wrongCodeAttemptsLeft, { count });

describe('formatMessage', () => {
  it('fills placeholders and leaves one without a value as written', () => {
    expect(
      formatMessage('en', 'Enter the {length}-digit code we sent to {phone}', { length: 6, phone: '••• 67' }),
    ).toBe('Enter the 6-digit code we sent to ••• 67');
    expect(formatMessage('en', 'Code sent to {phone}.')).toBe('Code sent to {phone}.');
  });

  it('picks English counted text by one and other', () => {
    expect([0, 1, 2, 5].map((count) => attemptsLeft('en', count))).toEqual([
      'Wrong code. 0 attempts left.',
      'Wrong code. 1 attempt left.',
      'Wrong code. 2 attempts left.',
      'Wrong code. 5 attempts left.',
    ]);
  });

  it('picks Polish counted text by one, few and many', () => {
    expect([1, 2, 5, 22, 12].map((count) => attemptsLeft('pl', count))).toEqual([
      'Nieprawidłowy kod. Pozostała 1 próba.',
      'Nieprawidłowy kod. Pozostały 2 próby.',
      'Nieprawidłowy kod. Pozostało 5 prób.',
      'Nieprawidłowy kod. Pozostały 22 próby.',
      'Nieprawidłowy kod. Pozostało 12 prób.',
    ]);
  });

  it('picks Arabic counted text by zero, one, two, few, many and other, with Latin digits', () => {
    expect([0, 1, 2, 3, 11, 100].map((count) => attemptsLeft('ar', count))).toEqual([
      'رمز خاطئ. لم تتبقَّ لديك أي محاولة.',
      'رمز خاطئ. تتبقى لديك محاولة واحدة.',
      'رمز خاطئ. تتبقى لديك محاولتان.',
      'رمز خاطئ. تتبقى لديك 3 محاولات.',
      'رمز خاطئ. تتبقى لديك 11 محاولة.',
      'رمز خاطئ. تتبقى لديك 100 محاولة.',
    ]);
  });

  it('falls back on other when a category has no sentence', () => {
    expect(formatMessage('pl', { one: '{count} kod', other: '{count} kodu (other)' }, { count: 5 })).toBe(
      '5 kodu (other)',
    );
    expect(formatMessage('en', { one: 'one', other: 'other' })).toBe('other');
  });

  it('writes numbers with Latin digits and no grouping, even where the locale has its own digits', () => {
    expect(formatMessage('ar-EG', '{count}', { count: 1234 })).toBe('1234');
    expect(formatMessage('de', '{seconds} s', { seconds: 1500 })).toBe('1500 s');
  });
});

describe('formatRetryIn', () => {
  it('says the wait in the locale’s words, in seconds under a minute and whole minutes from one on', () => {
    expect(formatRetryIn('en', 1)).toBe('in 1 second');
    expect(formatRetryIn('en', 30)).toBe('in 30 seconds');
    expect(formatRetryIn('en', 60)).toBe('in 1 minute');
    expect(formatRetryIn('en', 61)).toBe('in 2 minutes');
    expect(formatRetryIn('de', 300)).toBe('in 5 Minuten');
    expect(formatRetryIn('pl', 60)).toBe('za 1 minutę');
    expect(formatRetryIn('ar', 300)).toBe('خلال 5 دقائق');
  });
});

describe('negotiateLocale', () => {
  it('matches by language subtag', () => {
    expect(negotiateLocale(['de-AT'])).toBe('de');
    expect(negotiateLocale(['pt-BR'])).toBe('pt');
    expect(negotiateLocale(['AR-eg'])).toBe('ar');
    expect(negotiateLocale([' nl-BE '])).toBe('nl');
  });

  it('takes the first candidate with a catalog, in order of preference', () => {
    expect(negotiateLocale(['sv-SE', undefined, '', 'fr-CA', 'de'])).toBe('fr');
    expect(negotiateLocale([null, 'tr'])).toBe('tr');
  });

  it('falls back on English for unknown languages and tags that are not BCP 47', () => {
    expect(negotiateLocale([])).toBe('en');
    expect(negotiateLocale(['sv', 'ja-JP'])).toBe('en');
    expect(negotiateLocale(['de_AT', 'not a locale', 'fr-!!', '../de'])).toBe('en');
  });
});

describe('textDirection', () => {
  it('is right-to-left for Arabic only', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-SA')).toBe('rtl');
    expect(textDirection('de')).toBe('ltr');
  });

  it('is left-to-right for a language without a catalog, whose text is English', () => {
    expect(textDirection('he')).toBe('ltr');
  });
});
