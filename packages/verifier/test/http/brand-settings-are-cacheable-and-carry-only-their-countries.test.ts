import { brandSettingsSchema } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { ACME, GLOBEX, INITECH } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

const fixture = useTestVerifier();

interface Metadata {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

describe('GET /v1/brands/{brand}', () => {
  it('returns the public settings with an ETag, and 304 for a matching If-None-Match', async () => {
    const first = await fixture.api.request('GET', `/v1/brands/${ACME.id}`);
    expect(first.status).toBe(200);
    const settings = brandSettingsSchema.parse(first.body);
    expect(settings).toMatchObject({
      id: ACME.id,
      displayName: ACME.displayName,
      countries: ['DE'],
      defaultCountry: 'DE',
      locales: ['en', 'de'],
      codeLength: 6,
      guestCheckout: true,
      channels: ['sms'],
    });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public/);

    const again = await fixture.api.request('GET', `/v1/brands/${ACME.id}`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.get('etag')).toBe(etag);

    const changed = await fixture.api.request('GET', `/v1/brands/${ACME.id}`, {
      headers: { 'if-none-match': '"stale"' },
    });
    expect(changed.status).toBe(200);
  });

  it('gives each brand its own ETag', async () => {
    const acme = await fixture.api.request('GET', `/v1/brands/${ACME.id}`);
    const initech = await fixture.api.request('GET', `/v1/brands/${INITECH.id}`);
    expect(acme.headers.get('etag')).not.toBe(initech.headers.get('etag'));
  });

  it('carries phone metadata for the brand’s countries only', async () => {
    const acme = brandSettingsSchema.parse((await fixture.api.request('GET', `/v1/brands/${ACME.id}`)).body);
    const acmeMetadata = acme.phoneMetadata as unknown as Metadata;
    expect(Object.keys(acmeMetadata.countries)).toEqual(['DE']);
    expect(acmeMetadata.country_calling_codes).toEqual({ 49: ['DE'] });

    const initech = brandSettingsSchema.parse((await fixture.api.request('GET', `/v1/brands/${INITECH.id}`)).body);
    const initechMetadata = initech.phoneMetadata as unknown as Metadata;
    expect(Object.keys(initechMetadata.countries).sort()).toEqual(['AT', 'DE']);
    expect(initechMetadata.country_calling_codes).toEqual({ 43: ['AT'], 49: ['DE'] });
    expect(initech.codeLength).toBe(8);
    expect(JSON.stringify(initech).length).toBeLessThan(20_000);
  });

  it('never reveals secret-key hashes, origins, audience or customer-auth settings', async () => {
    const response = await fixture.api.request('GET', `/v1/brands/${GLOBEX.id}`);
    expect(response.status).toBe(200);
    expect(brandSettingsSchema.parse(response.body).guestCheckout).toBe(false);
    const text = JSON.stringify(response.body);
    for (const hidden of [
      'secretKeys',
      'sha256',
      'allowedOrigins',
      'audience',
      'customerAuth',
      'policy',
      GLOBEX.origin,
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('404 unknown_brand', async () => {
    expectProblem(await fixture.api.request('GET', '/v1/brands/nope'), 'unknown_brand');
  });
});
