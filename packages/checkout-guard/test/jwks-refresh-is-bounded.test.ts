/**
 * Key rotation without hammering: a token with an unknown kid makes the cache fetch the JWKS again (so a key
 * rotated in at the verifier is picked up), but at most once per cooldown period however many unknown kids
 * arrive, one after another or at once (OWASP ASVS 5.0 V2.4.1 anti-automation; RFC 8725 3.10).
 * Only Date is faked, to move the cache's clock; every fetch is a real HTTP request to a real server.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVerifierKeys, verifyOrderToken, type VerifierKeys } from '../src/index.js';
import { FakeVerifier } from './support/fake-verifier.js';
import { createTestKey, type TestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, ISSUER, ORDER, signToken } from './support/tokens.js';

describe('JWKS refresh on an unknown kid', () => {
  const verifier = new FakeVerifier();
  let current: TestKey;
  let next: TestKey;
  let strangers: TestKey[];

  beforeAll(async () => {
    current = await createTestKey('ES256', 'k-2025-01');
    next = await createTestKey('EdDSA', 'k-2025-02');
    strangers = await Promise.all(Array.from({ length: 5 }, (_, i) => createTestKey('ES256', `unknown-${i}`)));
    await verifier.start();
  });
  beforeEach(() => {
    verifier.keys = [current.publicJwk];
    verifier.jwksRequests = 0;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => verifier.stop());

  const verify = (keys: VerifierKeys, token: string) =>
    verifyOrderToken(token, { issuer: ISSUER, audience: AUDIENCE, order: ORDER, keys });
  const advance = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);
  const unknownKidTokens = (count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => signToken(strangers[i % strangers.length] as TestKey)));

  it('picks up a rotated key with one refresh, then ignores unknown kids during the cooldown', async () => {
    const keys = createVerifierKeys(verifier.url);
    await verify(keys, await signToken(current));
    expect(verifier.jwksRequests).toBe(1);

    // Right after a fetch, unknown kids do not trigger another one.
    for (const token of await unknownKidTokens(10))
      expect((await refusal(verify(keys, token))).code).toBe('invalid_token');
    expect(verifier.jwksRequests).toBe(1);

    // The verifier rotates in a new key; after the cooldown a token signed with it triggers one refresh.
    verifier.keys = [current.publicJwk, next.publicJwk];
    advance(31);
    await expect(verify(keys, await signToken(next))).resolves.toMatchObject({ order: ORDER });
    expect(verifier.jwksRequests).toBe(2);

    // A burst of forged kids right after that refresh: no request at all.
    const burst = await unknownKidTokens(50);
    const errors = await Promise.all(burst.map((token) => refusal(verify(keys, token))));
    expect(errors.every((error) => error.code === 'invalid_token')).toBe(true);
    expect(verifier.jwksRequests).toBe(2);
  });

  it('lets a concurrent burst of unknown kids after the cooldown cause exactly one request', async () => {
    const keys = createVerifierKeys(verifier.url);
    await verify(keys, await signToken(current));
    advance(31);
    const burst = await unknownKidTokens(50);
    await Promise.all(burst.map((token) => refusal(verify(keys, token))));
    expect(verifier.jwksRequests).toBe(2);
    for (const token of burst.slice(0, 10)) await refusal(verify(keys, token));
    expect(verifier.jwksRequests).toBe(2);
  });

  it('honours a shorter cooldown and refetches a set older than its maximum age', async () => {
    const keys = createVerifierKeys(verifier.url, { cooldownSeconds: 5, cacheMaxAgeSeconds: 60 });
    await verify(keys, await signToken(current));
    advance(6);
    const [stranger] = await unknownKidTokens(1);
    await refusal(verify(keys, stranger as string));
    expect(verifier.jwksRequests).toBe(2);
    // Known kid, but the cached set is now older than 60 s: fetched again.
    advance(61);
    await verify(keys, await signToken(current));
    expect(verifier.jwksRequests).toBe(3);
    await verify(keys, await signToken(current));
    expect(verifier.jwksRequests).toBe(3);
  });

  it('refuses a cooldown that would let every unknown kid trigger a fetch', () => {
    for (const cooldownSeconds of [0, 0.5, -1, Number.NaN, 301]) {
      expect(() => createVerifierKeys(verifier.url, { cooldownSeconds })).toThrow(RangeError);
    }
  });
});
