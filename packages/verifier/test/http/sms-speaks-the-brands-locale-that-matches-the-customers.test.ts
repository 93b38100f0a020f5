import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { messageLocale } from '../../src/config/brand-locales.js';
import { ApiClient, sessionWithCode } from '../support/api.js';
import { ACME, INITECH, rawTestBrands, uniqueMobile } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';

const ACME_GERMAN_SMS = '{brand}: Ihr Bestellcode {code} für {amount}. Nicht weitergeben!';

/** The test brands (acme: en, de; initech: de-DE), acme with its own German SMS. */
function brands() {
  const raw = rawTestBrands();
  (raw.brands[0] as Record<string, unknown>).templates = { sms: { de: ACME_GERMAN_SMS } };
  return brandRegistry(raw, 'test brands');
}

const fixture = useTestVerifier({ brands: brands() });

async function sms(extra: Record<string, unknown>, brand: { id: string; origin: string } = ACME) {
  const phone = uniqueMobile();
  const session = await sessionWithCode(new ApiClient(fixture.url, brand.origin), phone, extra, brand.id);
  const [message] = await fixture.api.inbox(phone);
  return { body: message?.body ?? '', code: session.code };
}

describe('messageLocale', () => {
  it.each([
    [['en', 'de'], 'de-AT', { locale: 'de', tag: 'de-AT' }],
    [['en', 'pt-BR'], 'pt-PT', { locale: 'pt', tag: 'pt-PT' }],
    [['en', 'de'], 'fr-FR', { locale: 'en', tag: 'en' }],
    [['de-DE', 'en'], undefined, { locale: 'de', tag: 'de-DE' }],
    [['de-DE'], 'not a tag', { locale: 'de', tag: 'de-DE' }],
    [['de-DE'], 'de-AT-u-nu-arab', { locale: 'de', tag: 'de-AT' }],
  ])('%j for %j gives %j', (brandLocales, requested, expected) => {
    expect(messageLocale(brandLocales, requested)).toEqual(expected);
  });
});

describe('the language of the SMS', () => {
  it('is the customer’s when the brand speaks it, with the amount written for the customer’s region', async () => {
    const { body, code } = await sms({ locale: 'de-AT' }, INITECH);
    expect(body).toBe(
      `Initech Mobilfunk: Ihr Code für Ihre Bestellung über € 129,99 lautet ${code}. Er gilt 5 Minuten. ` +
        `Geben Sie ihn nicht weiter.\n\n@${INITECH.host} #${code}`,
    );
  });

  it('is the brand’s first locale when the brand does not speak the customer’s language', async () => {
    expect((await sms({ locale: 'fr-FR' })).body).toMatch(
      /^Acme Mobile: \d{6} is your code to confirm your order of €129\.99\./,
    );
    expect((await sms({ locale: 'en-GB' }, INITECH)).body).toMatch(
      /^Initech Mobilfunk: Ihr Code für Ihre Bestellung über 129,99 €/,
    );
    expect((await sms({})).body).toMatch(/^Acme Mobile: \d{6} is your code/);
  });

  it('uses the brand’s own template for its locale, still ending with the WebOTP line', async () => {
    const { body, code } = await sms({ locale: 'de' });
    expect(body).toBe(
      `Acme Mobile: Ihr Bestellcode ${code} für 129,99 €. Nicht weitergeben!\n\n@${ACME.host} #${code}`,
    );
  });
});
