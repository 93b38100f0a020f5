import { describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { rawTestBrands } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { rawRequest } from '../support/raw-http.js';

/** The test brands; acme's name is markup, globex speaks English and Polish. */
function brands() {
  const raw = rawTestBrands();
  const [acme, globex] = raw.brands as Record<string, unknown>[];
  Object.assign(acme as object, { displayName: 'Acme <img src=x onerror=alert(1)>' });
  Object.assign(globex as object, { locales: ['en', 'pl'] });
  return brandRegistry(raw, 'preview brands');
}

const fixture = useTestVerifier({ brands: brands() });

const page = (query = '') => rawRequest(fixture.url, { method: 'GET', path: `/dev/templates${query}` });

/** The body rows of the page's table, each as its cells' text content (tags dropped, entities kept). */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...(row[1] as string).matchAll(/<td>(.*?)<\/td>/gs)].map((cell) => (cell[1] as string).replace(/<[^>]+>/g, '')),
  );
}

describe('GET /dev/templates', () => {
  it('shows every brand × locale with the SMS, its encoding and segments, and the email', async () => {
    const response = await page();
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    const table = rows(response.text);
    expect(table.map(([brand, locale]) => `${brand} ${locale}`)).toEqual([
      'Acme &lt;img src=x onerror=alert(1)&gt; (acme) en',
      'Acme &lt;img src=x onerror=alert(1)&gt; (acme) de',
      'Globex Telecom (globex) en',
      'Globex Telecom (globex) pl',
      'Initech Mobilfunk (initech) de-DE',
    ]);
    expect(table.map((row) => row[3])).toEqual([
      expect.stringMatching(/^GSM-7, 2 segments of at most 2; \d+ characters$/),
      expect.stringMatching(/^GSM-7, 2 segments of at most 2; \d+ characters$/),
      expect.stringMatching(/^GSM-7, 1 segment of at most 2; \d+ characters$/),
      expect.stringMatching(/^UCS-2, 2 segments of at most 2; \d+ characters$/),
      expect.stringMatching(/^GSM-7, 2 segments of at most 2; 166 characters$/),
    ]);
    expect(table[4]?.[2]).toContain(
      'Initech Mobilfunk: Ihr Code für Ihre Bestellung über 10.000.000.000.000 F CFA lautet 12345678.',
    );
    expect(table[4]?.[2]).toMatch(/@initech\.test #12345678$/);
    expect(table[2]?.[4]).toMatch(/Confirm your Globex Telecom order of F\sCFA\s10,000,000,000,000/);
  });

  it('escapes what it shows and runs no script (the default Content-Security-Policy holds)', async () => {
    const response = await page('?brand=acme');
    expect(response.text).toContain('Acme &lt;img src=x onerror=alert(1)&gt;');
    expect(response.text).not.toContain('<img');
    expect(response.text).not.toContain('<script');
    expect(response.text).toContain('&lt;title&gt;Confirm your Acme &amp;lt;img src=x');
    expect(String(response.headers['content-security-policy'])).toMatch(/script-src 'self'/);
  });

  it('shows one brand with ?brand=, and what a customer gets with ?locale=', async () => {
    expect(rows((await page('?brand=initech')).text).map((row) => row[1])).toEqual(['de-DE']);
    const french = rows((await page('?locale=fr-CH')).text).map((row) => row[1]);
    expect(french).toEqual(['en (asked for fr-CH)', 'en (asked for fr-CH)', 'de-DE (asked for fr-CH)']);
    expect(rows((await page('?brand=acme&locale=de-AT')).text).map((row) => row[1])).toEqual(['de-AT']);
  });

  it('answers problems for an unknown brand or a query it does not take', async () => {
    const unknown = await page('?brand=umbrella');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'unknown_brand' });
    for (const query of ['?brand=acme&brand=globex', '?colour=red', `?locale=${'x'.repeat(40)}`]) {
      const response = await page(query);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid_request' });
    }
  });
});
