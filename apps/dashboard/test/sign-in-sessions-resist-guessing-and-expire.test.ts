import { beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../src/auth/sign-in-sessions.js';
import { PASSWORD, useStack } from './support/stack.js';

const MINUTE = 60_000;

describe('signing in and out (OWASP ASVS V2, V3)', () => {
  const stack = useStack();
  // Each test starts after a quiet day, so failures of one test never lock the next (all come from 127.0.0.1).
  beforeEach(() => stack.clock.advance(24 * 60 * MINUTE));

  it('signs in with the right password, answers /api/me, and signs out for good', async () => {
    const client = stack.client();
    const signIn = await client.signIn('acme-analyst', PASSWORD);
    expect(signIn.status).toBe(200);
    expect(signIn.body).toEqual({
      user: { username: 'acme-analyst', role: 'analyst', brand: 'acme' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const me = await client.get('/api/me');
    expect(me.body).toEqual(signIn.body);
    const stolenCookie = client.cookie;

    expect((await client.request('DELETE', '/api/session')).status).toBe(204);
    expect(client.cookie).toBeUndefined();
    client.cookie = stolenCookie;
    expect((await client.get('/api/me')).body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('sets the session cookie as __Host-, HttpOnly, Secure, SameSite=Strict, Path=/ (ASVS V3.4)', async () => {
    const client = stack.client();
    const response = await client.signIn('operator', PASSWORD);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-otpd=[A-Za-z0-9_-]{43}; /);
    const attributes = (cookie as string).split('; ').slice(1);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
  });

  it('gives a new session id at every sign-in (ASVS V3.2.1: no session fixation)', async () => {
    const first = await stack.signedIn('operator');
    const second = await stack.signedIn('operator');
    expect(first.cookie).not.toBe(second.cookie);
    expect(first.csrfToken).not.toBe(second.csrfToken);
  });

  it('answers a wrong password and an unknown user alike (ASVS V2.2 / V3: no user enumeration)', async () => {
    const wrongPassword = await stack.client().signIn('initech-analyst', `${PASSWORD}!`);
    const unknownUser = await stack.client().signIn('nobody-here', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(unknownUser.text).toBe(wrongPassword.text);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    expect(wrongPassword.body).toMatchObject({ code: 'invalid_credentials' });
  });

  it('locks a username after 5 failures, even for the right password, for a growing time (ASVS V2.2.1)', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await stack.client().signIn('initech-analyst', 'not the password at all')).status).toBe(401);
    }
    const sixth = await stack.client().signIn('initech-analyst', 'not the password at all');
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('60');
    const rightPassword = await stack.client().signIn('initech-analyst', PASSWORD);
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.body).toMatchObject({ code: 'too_many_attempts' });

    stack.clock.advance(61_000);
    expect((await stack.client().signIn('initech-analyst', 'not the password at all')).status).toBe(401);
    const locked = await stack.client().signIn('initech-analyst', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('120');

    stack.clock.advance(121_000);
    expect((await stack.client().signIn('initech-analyst', PASSWORD)).status).toBe(200);
  });

  it('locks a client address that tries many usernames (password spraying)', async () => {
    const sprayed = Array.from({ length: 20 }, (_, user) => stack.client().signIn(`sprayed-${user}`, 'Summer2030!!'));
    expect((await Promise.all(sprayed)).map((response) => response.status)).toEqual(Array(20).fill(401));
    expect((await stack.client().signIn('operator', PASSWORD)).status).toBe(429);
    stack.clock.advance(24 * 60 * MINUTE);
    expect((await stack.client().signIn('operator', PASSWORD)).status).toBe(200);
  });

  it('ends a session idle for 30 minutes (ASVS V3.3.2)', async () => {
    const client = await stack.signedIn('operator');
    stack.clock.advance(IDLE_TIMEOUT_MS - MINUTE);
    expect((await client.get('/api/me')).status).toBe(200);
    stack.clock.advance(IDLE_TIMEOUT_MS - MINUTE);
    expect((await client.get('/api/me')).status).toBe(200);
    stack.clock.advance(IDLE_TIMEOUT_MS);
    expect((await client.get('/api/me')).body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('ends an active session 12 hours after sign-in (ASVS V3.3.1)', async () => {
    const client = await stack.signedIn('operator');
    for (let elapsed = 0; elapsed < ABSOLUTE_TIMEOUT_MS - 20 * MINUTE; elapsed += 20 * MINUTE) {
      stack.clock.advance(20 * MINUTE);
      expect((await client.get('/api/me')).status).toBe(200);
    }
    stack.clock.advance(20 * MINUTE);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('rehashes a password stored with older, cheaper scrypt parameters at the next sign-in', async () => {
    const { db } = stack.dashboard.context;
    const { operators } = stack.dashboard;
    const old = await hashPassword(PASSWORD, { N: 2 ** 15, r: 8, p: 1 });
    db.prepare("UPDATE operators SET password_hash = ? WHERE username = 'acme-analyst'").run(old);
    expect((await stack.client().signIn('acme-analyst', PASSWORD)).status).toBe(200);
    const rehashed = operators.find('acme-analyst')?.passwordHash as string;
    // OWASP Password Storage Cheat Sheet: scrypt N = 2^17, r = 8, p = 1 at least.
    expect(rehashed).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await stack.client().signIn('acme-analyst', PASSWORD)).status).toBe(200);
  });

  it('refuses a forged or malformed cookie', async () => {
    const client = stack.client();
    client.cookie = '__Host-otpd=' + 'A'.repeat(43);
    expect((await client.get('/api/me')).status).toBe(401);
    client.cookie = '__Host-otpd=../../etc';
    expect((await client.get('/api/overview')).status).toBe(401);
  });
});
