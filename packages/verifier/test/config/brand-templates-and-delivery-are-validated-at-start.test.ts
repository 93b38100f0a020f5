import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ORDER_AMOUNT } from '@otp-verify/protocol';
import type { Brand } from '../../src/config/brands.js';
import { brandRegistry, loadBrands } from '../../src/config/brands.js';
import { previewTemplates } from '../../src/usecases/preview-templates.js';
import { brandsConfigError, rawTestBrands } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';

type RawBrand = Record<string, unknown>;

const SOURCE = 'config/brands.test.json';
const SMS_DE = '{brand}: Code {code} für Ihre Bestellung über {amount}.';
const EMAIL_DE = {
  subject: 'Ihre Bestellung bei {brand}',
  text: '{brand}: {code} für {amount}',
  html: '<p>{brand}: {code} für {amount}</p>',
};

/** The test brands with acme (locales en, de) changed by `change`. */
function withAcme(change: RawBrand) {
  const raw = rawTestBrands();
  Object.assign(raw.brands[0] as RawBrand, change);
  return raw;
}

function isAccepted(raw: unknown): boolean {
  try {
    brandRegistry(raw, SOURCE);
    return true;
  } catch {
    return false;
  }
}

const configError = (raw: unknown): string => brandsConfigError(raw, SOURCE).message;

describe('a brand’s own templates', () => {
  it('are accepted for the brand’s locales and used instead of the defaults there only', () => {
    const acme = brandRegistry(withAcme({ templates: { sms: { de: SMS_DE }, email: { de: EMAIL_DE } } }), SOURCE).get(
      'acme',
    );
    expect(acme?.templates).toEqual({ sms: { de: SMS_DE }, email: { de: EMAIL_DE } });
  });

  // [what is wrong, templates, field path in the error, problem in the error]
  const CASES: [string, unknown, string, RegExp][] = [
    [
      'an unknown locale',
      { sms: { sv: SMS_DE } },
      'brands[0].templates.sms.sv',
      /"sv" is not a locale with templates \(en, de, fr, es, it, nl, pl, pt, tr, ar\)/,
    ],
    [
      'a locale the brand does not speak',
      { email: { fr: EMAIL_DE } },
      'brands[0].templates.email.fr',
      /"fr" is not one of the brand's locales \(en, de\)/,
    ],
    [
      'an unknown variable',
      { sms: { de: '{brand}: {code} für {amout}.' } },
      'brands[0].templates.sms.de',
      /\{amout\} is not a variable \(the variables are \{brand\}, \{amount\}, \{code\}, \{minutes\}\)/,
    ],
    [
      'an SMS without the code',
      { sms: { de: '{brand}: Ihre Bestellung über {amount}.' } },
      'brands[0].templates.sms.de',
      /must contain \{code\}/,
    ],
    [
      'an SMS without the amount',
      { sms: { en: '{brand}: your code is {code}.' } },
      'brands[0].templates.sms.en',
      /must contain \{amount\}/,
    ],
    [
      'an SMS without the brand',
      { sms: { en: 'Code {code} for {amount}.' } },
      'brands[0].templates.sms.en',
      /must contain \{brand\}/,
    ],
    [
      'a WebOTP line written by hand',
      { sms: { en: '{brand}: {code} for {amount}.\n\n@shop.acme.test #{code}' } },
      'brands[0].templates.sms.en',
      /WebOTP line .* written by hand: leave it out, the verifier appends "@<checkout host> #<code>"/,
    ],
    [
      'an email text without the amount',
      { email: { de: { ...EMAIL_DE, text: '{brand}: {code}' } } },
      'brands[0].templates.email.de.text',
      /must contain \{amount\}/,
    ],
    [
      'an email HTML without the code',
      { email: { de: { ...EMAIL_DE, html: '<p>{brand} {amount}</p>' } } },
      'brands[0].templates.email.de.html',
      /must contain \{code\}/,
    ],
    [
      'an email subject without the brand',
      { email: { de: { ...EMAIL_DE, subject: 'Ihre Bestellung' } } },
      'brands[0].templates.email.de.subject',
      /must contain \{brand\}/,
    ],
    [
      'an email without its HTML',
      { email: { de: { subject: EMAIL_DE.subject, text: EMAIL_DE.text } } },
      'brands[0].templates.email.de.html',
      /expected string/,
    ],
    ['an unknown channel', { push: { de: SMS_DE } }, 'brands[0].templates', /push/],
  ];

  it.each(CASES)(
    'refuses %s, naming the file, the brand, the field and the problem',
    (_what, templates, path, problem) => {
      const message = configError(withAcme({ templates }));
      expect(message).toContain(SOURCE);
      expect(message).toContain(`${path}:`);
      expect(message).toMatch(problem);
    },
  );

  it('names the brand by id', () => {
    expect(configError(withAcme({ templates: { sms: { de: '{brand} {amount}' } } }))).toMatch(
      /brands\[0\]\.templates\.sms\.de: brand "acme": must contain \{code\}/,
    );
  });
});

describe('the SMS limit (sms.maxSegments)', () => {
  const LONG_ENGLISH = `{brand}: {code} is your code for your order of {amount}. ${'Please keep it to yourself. '.repeat(9)}`;

  it('refuses a template whose longest SMS is over the limit, naming brand, locale, encoding and segments', () => {
    const message = configError(withAcme({ templates: { sms: { en: LONG_ENGLISH } } }));
    expect(message).toContain(
      'brands[0].templates.sms.en: brand "acme": the SMS for "en" takes up to 3 segments in GSM-7 (',
    );
    expect(message).toMatch(
      /6-digit code, host shop\.acme\.test and XOF 10,000,000,000,000, the largest order amount\), more than sms\.maxSegments \(2\)/,
    );
  });

  it('judges the largest amount an order may have: a template accepted at start fits for every order', () => {
    const withPadding = (padding: number) =>
      withAcme({
        locales: ['en'],
        sms: { maxSegments: 1 },
        templates: { sms: { en: `{brand} {amount} {code}${'.'.repeat(padding)}` } },
      });
    let padding = 0;
    while (isAccepted(withPadding(padding + 1))) padding += 1;
    const acme = brandRegistry(withPadding(padding), SOURCE).get('acme') as Brand;
    const overLimit = Intl.supportedValuesOf('currency').filter((currency) => {
      const [preview] = previewTemplates(acme, { order: { amount: MAX_ORDER_AMOUNT, currency } });
      return (preview?.sms.size.segments ?? 0) > 1;
    });
    expect(overLimit).toEqual([]);
  });

  it('accepts the same template when the brand allows 3 segments', () => {
    expect(() =>
      brandRegistry(withAcme({ templates: { sms: { en: LONG_ENGLISH } }, sms: { maxSegments: 3 } }), SOURCE),
    ).not.toThrow();
  });

  it('judges the default template of each locale too: a long display name in UCS-2 (Polish) is refused', () => {
    const message = configError(
      withAcme({ displayName: 'Acme Mobile Polska Telekomunikacja Cyfrowa', locales: ['en', 'pl-PL'] }),
    );
    expect(message).toMatch(
      /brands\[0\]\.locales\[1\]: brand "acme": the default SMS for "pl-PL" takes up to 3 segments in UCS-2 \(\d+ UTF-16 units/,
    );
    expect(message).toContain('write a shorter templates.sms.pl');
    expect(message).not.toContain('locales[0]');
  });

  it('counts the code length and the longest allowed host', () => {
    const longHost = `https://${'checkout-'.repeat(5)}acme.example`;
    expect(() =>
      brandRegistry(withAcme({ locales: ['pl'], allowedOrigins: ['https://a.test'] }), SOURCE),
    ).not.toThrow();
    expect(
      configError(
        withAcme({ locales: ['pl'], allowedOrigins: ['https://a.test', longHost], policy: { codeLength: 10 } }),
      ),
    ).toMatch(/10-digit code, host (checkout-){5}acme\.example/);
  });

  it.each([0, 4, 1.5, '2'])('refuses maxSegments %j (1 to 3)', (maxSegments) => {
    expect(configError(withAcme({ sms: { maxSegments } }))).toMatch(/brands\[0\]\.sms\.maxSegments: /);
  });

  it('judges each locale on its own: with one segment, a long name fits in English but not in German', () => {
    const message = configError(withAcme({ displayName: 'Acme Mobile Telecom', sms: { maxSegments: 1 } }));
    expect(message).toMatch(
      /brands\[0\]\.locales\[1\]: brand "acme": the default SMS for "de" takes up to 2 segments in GSM-7 \(\d+ septets/,
    );
    expect(message).not.toContain('locales[0]');
  });
});

describe('delivery routing', () => {
  it('defaults to the dev inbox for SMS, without email fallback', () => {
    expect(brandRegistry(rawTestBrands(), SOURCE).get('acme')?.delivery).toEqual({
      sms: ['dev-inbox'],
      fallbackToEmail: false,
    });
  });

  const CASES: [string, RawBrand, string, RegExp][] = [
    [
      'a provider the verifier does not have',
      { delivery: { sms: ['twilio', 'dev-inbox'] } },
      'brands[0].delivery.sms[0]',
      /"twilio" is not a message provider of this verifier \(dev-inbox\)/,
    ],
    ['no SMS provider', { delivery: { sms: [] } }, 'brands[0].delivery.sms', /too small|at least/i],
    [
      'an email fallback without email providers',
      { delivery: { sms: ['dev-inbox'], fallbackToEmail: true } },
      'brands[0].delivery.email',
      /SMS fall back to email \(fallbackToEmail\): name the providers that send email/,
    ],
    [
      'codes by email without email providers',
      { channels: ['sms', 'email'] },
      'brands[0].delivery.email',
      /the brand sends codes by email \(channels\): name the providers/,
    ],
  ];

  it.each(CASES)('refuses %s', (_what, change, path, problem) => {
    const message = configError(withAcme(change));
    expect(message).toContain(`${path}:`);
    expect(message).toMatch(problem);
  });
});

describe('in a brands directory', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => dir.remove());

  it('a template problem names the brand’s file and the field', () => {
    const path = join(dir.path, 'brands');
    mkdirSync(path);
    for (const brand of withAcme({ templates: { sms: { de: '{brand} {code}' } } }).brands) {
      writeFileSync(join(path, `${String(brand.id)}.json`), JSON.stringify(brand));
    }
    expect(() => loadBrands(path)).toThrow(
      `brand file ${join(path, 'acme.json')}: templates.sms.de: brand "acme": must contain {amount}`,
    );
  });
});
