import { describe, expect, it } from 'vitest';
import { PASSWORD, useStack } from './support/stack.js';

// OWASP ASVS V4.2.2 / OWASP CSRF Prevention Cheat Sheet: synchronizer token plus Origin verification.
describe('CSRF protection', () => {
  const stack = useStack();

  it('refuses a sign-out without the X-CSRF-Token header, and the session stays', async () => {
    const client = await stack.signedIn('operator');
    const response = await client.request('DELETE', '/api/session', { csrfToken: null });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'csrf' });
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses a sign-out with another session’s token', async () => {
    const client = await stack.signedIn('operator');
    const other = await stack.signedIn('operator');
    const response = await client.request('DELETE', '/api/session', { csrfToken: other.csrfToken as string });
    expect(response.status).toBe(403);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses a sign-out from a foreign Origin or without one, even with the right token', async () => {
    const client = await stack.signedIn('operator');
    for (const origin of ['https://evil.test', 'null', null]) {
      const response = await client.request('DELETE', '/api/session', { origin });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'csrf' });
    }
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses a sign-in posted from a foreign Origin (login CSRF) and sets no cookie', async () => {
    const client = stack.client();
    const response = await client.request('POST', '/api/session', {
      origin: 'https://evil.test',
      body: { username: 'operator', password: PASSWORD },
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    const withoutOrigin = await client.request('POST', '/api/session', {
      origin: null,
      body: { username: 'operator', password: PASSWORD },
    });
    expect(withoutOrigin.status).toBe(403);
  });

  it('accepts the sign-out with the session’s token from the dashboard’s own Origin', async () => {
    const client = await stack.signedIn('operator');
    expect((await client.request('DELETE', '/api/session')).status).toBe(204);
  });
});
