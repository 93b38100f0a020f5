/**
 * RFC 8725 3.8 (validate issuer and subject) and 3.9 (use and validate audience); OWASP ASVS 5.0 V9.2.3/V9.2.4:
 * a token from another issuer, or issued for another brand's checkout, is refused.
 */
import { describe, expect, it } from 'vitest';
import { refusal } from './support/refusal.js';
import { AUDIENCE, goodClaims, ISSUER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('issuer and audience binding', () => {
  const fx = useFakeVerifier();
  const { verify } = fx;

  it('accepts the expected iss and aud (control)', async () => {
    await expect(verify(await signToken(fx.key))).resolves.toMatchObject({ iss: ISSUER, aud: AUDIENCE });
  });

  it.each(['https://evil.example.test', `${ISSUER}/`, 'https://VERIFY.example.test'])('refuses iss %j', async (iss) => {
    const error = await refusal(verify(await signToken(fx.key, { claims: goodClaims({ iss }) })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/issuer/);
  });

  it("refuses a token issued for another brand's checkout audience", async () => {
    const error = await refusal(verify(await signToken(fx.key, { claims: goodClaims({ aud: 'checkout:brand-b' }) })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/audience/);
  });

  it('refuses an aud array even when it contains this audience (the contract makes aud one string)', async () => {
    const token = await signToken(fx.key, { claims: goodClaims({ aud: [AUDIENCE, 'checkout:brand-b'] }) });
    const error = await refusal(verify(token));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/"aud"/);
  });
});
