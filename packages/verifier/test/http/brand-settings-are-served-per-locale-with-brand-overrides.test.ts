import { gzipSync } from 'node:zlib';
import { brandSettingsSchema } from '@otp-verify/protocol';
import type { BrandSettings } from '@otp-verify/protocol';
import { LOCALES, catalogs } from '@otp-verify/element/i18n';
import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { ACME, GLOBEX, INITECH, rawTestBrands } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';

/**
 * The test brands, with acme in English, German and Brazilian Portuguese and its own wording of two messages,
 * globex in every locale, and initech in German, then English.
 */
function brandsWithOverrides() {
  const raw = rawTestBrands();
  const [acme, globex, initech] = raw.brands as Record<string, unknown>[];
  Object.assign(acme as object, {
    locales: ['en', 'de', 'pt-BR'],
    messages: {
      de: { sendCode: 'SMS-Code anfordern' },
      en: { wrongCodeAttemptsLeft: { one: 'Not quite. {count} try left.', other: 'Not quite. {count} tries left.' } },
    },
  });
  Object.assign(globex as object, { locales: [...LOCALES] });
  Object.assign(initech as object, { locales: ['de-DE', 'en'] });
  return brandRegistry(raw, 'test brands');
}

const fixture = useTestVerifier({ brands: brandsWithOverrides() });

async function settings(brand: string, query = '', headers: Record<string, string> = {}) {
  const response = await fixture.api.request('GET', `/v1/brands/${brand}${query}`, { headers });
  const body = response.status === 200 ? brandSettingsSchema.parse(response.body) : undefined;
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cache: response.headers.get('cache-control'),
    body,
  };
}

const messagesOf = (document: { body?: BrandSettings | undefined }) => document.body?.messages ?? {};

describe('GET /v1/brands/{brand}?locale=', () => {
  it('serves German for ?locale=de, with its own ETag, cacheable like the English one', async () => {
    const english = await settings(INITECH.id, '?locale=en');
    const german = await settings(INITECH.id, '?locale=de');
    expect(german.status).toBe(200);
    expect(german.body?.locale).toBe('de');
    expect(messagesOf(german)).toEqual(catalogs.de);
    expect(german.etag).toMatch(/^"[^"]+"$/);
    expect(german.etag).not.toBe(english.etag);
    expect(german.cache).toBe(english.cache);
    expect(german.cache).toMatch(/public/);
  });

  it('names the brand’s countries in the locale, in its alphabetical order, so the page needs no Intl region data', async () => {
    // initech serves DE and AT: Austria before Germany in English, Deutschland before Österreich in German.
    const english = await settings(INITECH.id, '?locale=en');
    const german = await settings(INITECH.id, '?locale=de');
    expect(english.body?.countryNames).toEqual([
      { code: 'AT', name: 'Austria' },
      { code: 'DE', name: 'Germany' },
    ]);
    expect(german.body?.countryNames).toEqual([
      { code: 'DE', name: 'Deutschland' },
      { code: 'AT', name: 'Österreich' },
    ]);
  });

  it('answers 304 to the locale’s own ETag only', async () => {
    const german = await settings(INITECH.id, '?locale=de');
    const english = await settings(INITECH.id, '?locale=en');
    const revalidated = await settings(INITECH.id, '?locale=de', { 'if-none-match': german.etag ?? '' });
    expect(revalidated.status).toBe(304);
    expect(revalidated.etag).toBe(german.etag);
    const otherLocale = await settings(INITECH.id, '?locale=de', { 'if-none-match': english.etag ?? '' });
    expect(otherLocale.status).toBe(200);
    expect(otherLocale.body?.locale).toBe('de');
  });

  it('gives every (brand, locale) its own ETag', async () => {
    const etags = new Set<string | null>();
    for (const locale of LOCALES) etags.add((await settings(GLOBEX.id, `?locale=${locale}`)).etag);
    for (const locale of ['en', 'de', 'pt']) etags.add((await settings(ACME.id, `?locale=${locale}`)).etag);
    expect(etags.size).toBe(LOCALES.length + 3);
  });

  it('matches by language: de-AT and pt-PT get the de and pt documents', async () => {
    expect((await settings(INITECH.id, '?locale=de-AT')).etag).toBe((await settings(INITECH.id, '?locale=de')).etag);
    const portuguese = await settings(ACME.id, '?locale=pt-PT');
    expect(portuguese.body?.locale).toBe('pt');
    expect(messagesOf(portuguese)).toEqual(catalogs.pt);
  });

  it('chooses among the brand’s locales only: a language it does not speak gets its first locale', async () => {
    // A catalog exists for French and Arabic, but acme speaks English, German and Portuguese: its SMS would be
    // English, so its element is too.
    for (const locale of ['fr', 'ar-EG']) {
      const response = await settings(ACME.id, `?locale=${locale}`);
      expect(response.body?.locale).toBe('en');
      expect(response.etag).toBe((await settings(ACME.id, '?locale=en')).etag);
    }
    expect((await settings(INITECH.id, '?locale=fr')).body?.locale).toBe('de');
    expect((await settings(GLOBEX.id, '?locale=fr')).body?.locale).toBe('fr');
  });

  it.each([
    ['no locale', ''],
    ['an empty locale', '?locale='],
    ['an unknown locale', '?locale=sv-SE'],
    ['a tag that is not BCP 47', '?locale=not%20a%20locale'],
    ['an underscore tag', '?locale=en_GB'],
    ['a control character', '?locale=%00en'],
    ['a very long value', `?locale=${'en-'.repeat(2000)}x`],
    ['two locales', '?locale=en&locale=fr'],
    ['a nested parameter', '?locale[en]=1'],
  ])('serves the brand’s first locale for %s, never an error', async (_what, query) => {
    const german = await settings(INITECH.id, '?locale=de');
    const response = await settings(INITECH.id, query);
    expect(response.status).toBe(200);
    expect(response.body?.locale).toBe('de');
    expect(messagesOf(response)).toEqual(catalogs.de);
    expect(response.etag).toBe(german.etag);
  });

  it('merges the brand’s overrides into its locale’s catalog, and into no other brand’s', async () => {
    const german = messagesOf(await settings(ACME.id, '?locale=de'));
    expect(german).toEqual({ ...catalogs.de, sendCode: 'SMS-Code anfordern' });
    const english = messagesOf(await settings(ACME.id, '?locale=en'));
    expect(english.wrongCodeAttemptsLeft).toEqual({
      one: 'Not quite. {count} try left.',
      other: 'Not quite. {count} tries left.',
    });
    expect(english.sendCode).toBe('Send code');
    expect(messagesOf(await settings(ACME.id, '?locale=pt'))).toEqual(catalogs.pt);
    expect(messagesOf(await settings(INITECH.id, '?locale=de')).sendCode).toBe('Code senden');
  });

  it('keeps each served catalog small', async () => {
    for (const locale of LOCALES) {
      const messages = messagesOf(await settings(GLOBEX.id, `?locale=${locale}`));
      expect(gzipSync(JSON.stringify(messages)).length, locale).toBeLessThan(4096);
    }
  });
});
