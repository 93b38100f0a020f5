/**
 * RFC 8725 3.8 (validate issuer and subject) and 3.9 (use and validate audience); OWASP ASVS 5.0 V9.2.3/V9.2.4:
 * a token from another issuer, or issued for another brand's checkout, is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifierKeys, verifyOrderToken, type VerifierKeys } from '../src/index.js';
import { FakeVerifier } from './support/fake-verifier.js';
import { createTestKey, type TestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, goodClaims, ISSUER, ORDER, signToken } from './support/tokens.js';

describe('issuer and audience binding', () => {
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

  it('accepts the expected iss and aud (control)', async () => {
    await expect(verify(await signToken(key))).resolves.toMatchObject({ iss: ISSUER, aud: AUDIENCE });
  });

  it.each(['https://evil.example.test', `${ISSUER}/`, 'https://VERIFY.example.test'])('refuses iss %j', async (iss) => {
    const error = await refusal(verify(await signToken(key, { claims: goodClaims({ iss }) })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/issuer/);
  });

  it("refuses a token issued for another brand's checkout audience", async () => {
    const error = await refusal(verify(await signToken(key, { claims: goodClaims({ aud: 'checkout:brand-b' }) })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/audience/);
  });

  it('refuses an aud array even when it contains this audience (the contract makes aud one string)', async () => {
    const token = await signToken(key, { claims: goodClaims({ aud: [AUDIENCE, 'checkout:brand-b'] }) });
    const error = await refusal(verify(token));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/"aud"/);
  });
});
