/**
 * createOrderGuard().accept(): a missing token is refused with a clear message, a token that fails local
 * verification never reaches the verifier (so a forged or mismatched token cannot burn or probe anything),
 * and a good one is redeemed exactly once. Misconfiguration fails at construction (OWASP ASVS 5.0 V13.1,
 * secure configuration; V12.3.1 TLS to back-end services).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrderGuard, type OrderGuard } from '../src/index.js';
import { SECRET_KEY } from './support/fake-verifier.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, goodClaims, ORDER, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('the order guard', () => {
  const fx = useFakeVerifier();
  const { verifier } = fx;
  let guard: OrderGuard;

  beforeAll(() => {
    // issuer defaults to the verifier URL (a trailing slash is not part of it).
    guard = createOrderGuard({ verifierUrl: `${verifier.url}/`, audience: AUDIENCE, secretKey: SECRET_KEY });
  });
  beforeEach(() => {
    verifier.redemptionRequests = [];
  });

  const token = (claims: Record<string, unknown> = {}) =>
    signToken(fx.key, { claims: goodClaims({ iss: verifier.issuer, ...claims }) });

  it('accepts a good token once and returns its claims', async () => {
    const claims = goodClaims({ iss: verifier.issuer });
    const t = await signToken(fx.key, { claims });
    await expect(guard.accept(t, ORDER)).resolves.toEqual(claims);
    expect(verifier.redemptionRequests).toHaveLength(1);
    expect((await refusal(guard.accept(t, ORDER))).code).toBe('already_redeemed');
  });

  it.each([undefined, ''])('refuses a missing token (%j) with a message saying so', async (missing) => {
    const error = await refusal(guard.accept(missing, ORDER));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toBe('No order-verified token was sent with the order');
    expect(verifier.redemptionRequests).toHaveLength(0);
  });

  it('does not redeem a token that fails local verification', async () => {
    const otherAudience = await token({ aud: 'checkout:brand-b' });
    const otherIssuer = await token({ iss: 'https://elsewhere.example.test' });
    const good = await token();
    expect((await refusal(guard.accept(otherAudience, ORDER))).code).toBe('invalid_token');
    expect((await refusal(guard.accept(otherIssuer, ORDER))).code).toBe('invalid_token');
    expect((await refusal(guard.accept(good, { ...ORDER, amount: 5000 }))).code).toBe('order_mismatch');
    expect(verifier.redemptionRequests).toHaveLength(0);
    // The token refused for the other cart is still good for its own.
    await expect(guard.accept(good, ORDER)).resolves.toMatchObject({ order: ORDER });
  });

  it('uses an explicit issuer when given', async () => {
    const other = createOrderGuard({
      verifierUrl: verifier.url,
      issuer: 'https://verify.example.test',
      audience: AUDIENCE,
      secretKey: SECRET_KEY,
    });
    expect((await refusal(other.accept(await token(), ORDER))).message).toMatch(/another issuer/);
  });

  it('refuses bad configuration at construction', () => {
    const base = { verifierUrl: verifier.url, audience: AUDIENCE, secretKey: SECRET_KEY };
    expect(() => createOrderGuard({ ...base, clockToleranceSeconds: 61 })).toThrow(RangeError);
    expect(() => createOrderGuard({ ...base, secretKey: 'brand-a' })).toThrow(/secret key/);
    expect(() => createOrderGuard({ ...base, audience: '' })).toThrow(/audience/);
    expect(() => createOrderGuard({ ...base, verifierUrl: 'verify.example.com' })).toThrow(/absolute URL/);
    // Keys and the secret key must not cross a network in clear text.
    expect(() => createOrderGuard({ ...base, verifierUrl: 'http://verify.example.com' })).toThrow(/https/);
    expect(() => createOrderGuard({ ...base, verifierUrl: 'ftp://verify.example.com' })).toThrow(/https/);
    expect(() => createOrderGuard({ ...base, verifierUrl: 'https://user:pw@verify.example.com' })).toThrow(
      /credentials/,
    );
    expect(() => createOrderGuard({ ...base, verifierUrl: 'https://verify.example.com' })).not.toThrow();
    expect(() => createOrderGuard({ ...base, verifierUrl: 'http://localhost:8080' })).not.toThrow();
  });

  it('refuses a malformed cart order as a checkout bug', async () => {
    await expect(guard.accept(await token(), { ...ORDER, amount: 49.99 })).rejects.toThrow(TypeError);
    expect(verifier.redemptionRequests).toHaveLength(0);
  });
});
