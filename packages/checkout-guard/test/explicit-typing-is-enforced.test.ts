/**
 * RFC 8725 3.11 (use explicit typing) and 3.12 (mutually exclusive validation rules for different kinds of JWTs):
 * a JWT signed by the same keys but meant for something else (an access token, an ID token) is not an
 * order-verified token. OWASP ASVS 5.0 V9.2.2 (token type checked before use).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifierKeys, verifyOrderToken, type VerifierKeys } from '../src/index.js';
import { FakeVerifier } from './support/fake-verifier.js';
import { createTestKey, type TestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, ISSUER, ORDER, signToken } from './support/tokens.js';

describe('explicit typing (typ: order-verified+jwt)', () => {
  const verifier = new FakeVerifier();
  let key: TestKey;
  let keys: VerifierKeys;

  beforeAll(async () => {
    key = await createTestKey('ES256', 'k1');
    await verifier.start();
    verifier.keys = [key.publicJwk];
    keys = createVerifierKeys(verifier.url);
  });
  afterAll(() => verifier.stop());

  const verify = (token: string) => verifyOrderToken(token, { issuer: ISSUER, audience: AUDIENCE, order: ORDER, keys });

  it('accepts typ "order-verified+jwt" and its full media type form (control)', async () => {
    await expect(verify(await signToken(key))).resolves.toMatchObject({ order: ORDER });
    const full = await signToken(key, { header: { typ: 'application/order-verified+jwt' } });
    await expect(verify(full)).resolves.toMatchObject({ order: ORDER });
  });

  it.each(['JWT', 'at+jwt', 'order-verified', 'order-verified+jwt2'])('refuses typ %j', async (typ) => {
    const error = await refusal(verify(await signToken(key, { header: { typ } })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/typ/);
  });

  it('refuses a token without typ', async () => {
    const error = await refusal(verify(await signToken(key, { header: { typ: undefined } })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/typ/);
  });
});
