import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { brandsConfigError, rawTestBrands } from '../support/brands.js';

const SOURCE = 'config/brands.test.json';

/** The test brands with the first brand (acme) given these `messages` (and Polish besides English and German). */
function withMessages(messages: unknown) {
  const raw = rawTestBrands();
  Object.assign(raw.brands[0] as Record<string, unknown>, { messages, locales: ['en', 'de', 'pl'] });
  return raw;
}

const configError = (messages: unknown): string => brandsConfigError(withMessages(messages), SOURCE).message;

describe('a brand’s messages', () => {
  it('may override text and counted text of any locale with a catalog', () => {
    const registry = brandRegistry(
      withMessages({
        de: { sendCode: 'SMS-Code anfordern', codeSent: 'Wir haben den Code an {phone} geschickt.' },
        pl: { wrongCodeAttemptsLeft: { one: 'Zły kod. Jeszcze {count} próba.', other: 'Zły kod. Prób: {count}.' } },
        en: { registeredNumber: 'Your code goes to the number on your account.' },
      }),
      SOURCE,
    );
    const acme = registry.get('acme');
    expect(acme?.publicSettings.get('de')?.body.messages.sendCode).toBe('SMS-Code anfordern');
    expect(acme?.publicSettings.get('pl')?.body.messages.wrongCodeAttemptsLeft).toEqual({
      one: 'Zły kod. Jeszcze {count} próba.',
      other: 'Zły kod. Prób: {count}.',
    });
  });

  // [what is wrong, messages, field path in the error, problem in the error]
  const CASES: [string, unknown, string, RegExp][] = [
    [
      'an unknown locale',
      { sv: { sendCode: 'Skicka kod' } },
      'brands[0].messages.sv',
      /"sv" is not a locale with a catalog \(en, de, fr, es, it, nl, pl, pt, tr, ar\)/,
    ],
    [
      'a region instead of a language',
      { 'de-AT': { sendCode: 'Code schicken' } },
      'brands[0].messages.de-AT',
      /not a locale with a catalog/,
    ],
    [
      'a locale with a catalog the brand does not speak (it would never be served)',
      { fr: { sendCode: 'Recevoir le code' } },
      'brands[0].messages.fr',
      /"fr" is not one of the brand's locales \(en, de, pl\)/,
    ],
    ['an unknown key', { de: { sendKode: 'Code senden' } }, 'brands[0].messages.de.sendKode', /not a message key/],
    [
      'a key inherited by every object',
      { de: { constructor: 'x' } },
      'brands[0].messages.de.constructor',
      /not a message key/,
    ],
    [
      'a placeholder the English message does not have',
      { de: { codeSent: 'Code an {phon} gesendet.' } },
      'brands[0].messages.de.codeSent',
      /\{phon\} is not a placeholder of the English message \(it has \{phone\}\)/,
    ],
    [
      'a placeholder in a message that has none',
      { en: { verified: 'Verified for {brand}' } },
      'brands[0].messages.en.verified',
      /\{brand\} is not a placeholder of the English message \(it has none\)/,
    ],
    [
      'a stray placeholder in one plural variant',
      { en: { sendsLeft: { one: 'One code left for {phone}.', other: '{count} codes left.' } } },
      'brands[0].messages.en.sendsLeft',
      /\{phone\} is not a placeholder/,
    ],
    [
      'text where English counts',
      { en: { wrongCodeAttemptsLeft: 'Wrong code. {count} attempts left.' } },
      'brands[0].messages.en.wrongCodeAttemptsLeft',
      /must be counted text/,
    ],
    [
      'counted text where English has text',
      { en: { sendCode: { one: 'Send code', other: 'Send codes' } } },
      'brands[0].messages.en.sendCode',
      /must be text/,
    ],
    [
      'counted text without other',
      { en: { sendsLeft: { one: '1 code left.' } } },
      'brands[0].messages.en.sendsLeft',
      /counted text: .*"other" required/,
    ],
    [
      'a category Intl.PluralRules does not have',
      { en: { sendsLeft: { single: '1 code left.', other: '{count} codes left.' } } },
      'brands[0].messages.en.sendsLeft',
      /"single"/,
    ],
    ['a number instead of text', { en: { sendCode: 42 } }, 'brands[0].messages.en.sendCode', /text, or counted text/],
  ];

  it.each(CASES)(
    'refuses %s, naming the file, the brand, the field and the problem',
    (_what, messages, path, problem) => {
      const message = configError(messages);
      expect(message).toContain(SOURCE);
      expect(message).toContain(`${path}:`);
      expect(message).toMatch(problem);
    },
  );

  it('names the brand by id in a catalog problem', () => {
    expect(configError({ de: { sendKode: 'Code senden' } })).toMatch(
      /brands\[0\]\.messages\.de\.sendKode: brand "acme": "sendKode" is not a message key/,
    );
  });

  it('reports every problem at once', () => {
    const message = configError({ sv: {}, de: { sendKode: 'x', codeSent: '{phon}' } });
    expect(message).toContain('brands[0].messages.sv:');
    expect(message).toContain('brands[0].messages.de.sendKode:');
    expect(message).toContain('brands[0].messages.de.codeSent:');
  });
});
