import { describe, expect, it } from 'vitest';
import { order } from '../support/api.js';
import { ACME, FOREIGN_ORIGIN, INITECH } from '../support/brands.js';
import { useTestVerifier } from '../support/fixture.js';

const fixture = useTestVerifier();

describe('CORS', () => {
  it('an allowed origin gets Access-Control-Allow-Origin (echoed, never *) on success and on errors', async () => {
    const created = await fixture.api.createSession({ brand: ACME.id, order: order(), phone: '+491701234567' });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(ACME.origin);
    expect(created.headers.get('vary')).toMatch(/\bOrigin\b/i);

    const refused = await fixture.api.createSession({ brand: ACME.id, order: order(), phone: 'garbage' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('access-control-allow-origin')).toBe(ACME.origin);
    expect(refused.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);

    const settings = await fixture.api.request('GET', `/v1/brands/${INITECH.id}`, { origin: INITECH.origin });
    expect(settings.headers.get('access-control-allow-origin')).toBe(INITECH.origin);
  });

  it('a foreign origin gets no Access-Control-Allow-Origin', async () => {
    for (const path of ['/v1/brands/acme', '/.well-known/jwks.json', '/healthz']) {
      const response = await fixture.api.request('GET', path, { origin: FOREIGN_ORIGIN });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/\bOrigin\b/i);
    }
    const post = await fixture.api.createSession(
      { brand: ACME.id, order: order(), phone: '+491701234567' },
      { origin: FOREIGN_ORIGIN },
    );
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a preflight from an allowed origin is 204 with the methods and headers the element uses', async () => {
    const response = await fixture.api.request('OPTIONS', '/v1/sessions/ses_x/check', {
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(response.headers.get('access-control-allow-origin')).toBe(ACME.origin);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    const allowedHeaders = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowedHeaders).toContain('authorization');
    expect(allowedHeaders).toContain('content-type');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('a preflight from a foreign origin is answered without any grant', async () => {
    const response = await fixture.api.request('OPTIONS', '/v1/sessions', {
      origin: FOREIGN_ORIGIN,
      headers: { 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });
});
