/**
 * RFC 8725 3.11 (use explicit typing) and 3.12 (mutually exclusive validation rules for different kinds of JWTs):
 * a JWT signed by the same keys but meant for something else (an access token, an ID token) is not an
 * order-verified token. OWASP ASVS 5.0 V9.2.2 (token type checked before use).
 */
import { describe, expect, it } from 'vitest';
import { refusal } from './support/refusal.js';
import { ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('explicit typing (typ: order-verified+jwt)', () => {
  const fx = useFakeVerifier();
  const { verify } = fx;

  it('accepts typ "order-verified+jwt" and its full media type form (control)', async () => {
    await expect(verify(await signToken(fx.key))).resolves.toMatchObject({ order: ORDER });
    const full = await signToken(fx.key, { header: { typ: 'application/order-verified+jwt' } });
    await expect(verify(full)).resolves.toMatchObject({ order: ORDER });
  });

  it.each(['JWT', 'at+jwt', 'order-verified', 'order-verified+jwt2'])('refuses typ %j', async (typ) => {
    const error = await refusal(verify(await signToken(fx.key, { header: { typ } })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/typ/);
  });

  it('refuses a token without typ', async () => {
    const error = await refusal(verify(await signToken(fx.key, { header: { typ: undefined } })));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/typ/);
  });
});
