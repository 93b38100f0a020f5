/**
 * RFC 7519 4.1.4/4.1.5/4.1.6 (exp, nbf, iat with "some small leeway"), RFC 8725 3.10 (do not trust received
 * claims) and OWASP ASVS 5.0 V9.2.1 (token validity period checked): an expired, not-yet-valid, too old or
 * too long-lived token is refused; the clock tolerance is bounded (at most 60 s) and refused at construction.
 */
import { describe, expect, it } from 'vitest';
import { createOrderGuard } from '../src/index.js';
import { SECRET_KEY } from './support/fake-verifier.js';
import { refusal } from './support/refusal.js';
import { AUDIENCE, goodClaims, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

const T = 1_800_000_000;
const at = (seconds: number) => new Date(seconds * 1000);

describe('token lifetime', () => {
  const fx = useFakeVerifier();
  const { verifier } = fx;

  const sign = (claims: Record<string, unknown>) => signToken(fx.key, { claims: goodClaims(claims) });
  const verify = (
    token: string,
    now: Date,
    extra: { clockToleranceSeconds?: number; maxTokenAgeSeconds?: number } = {},
  ) => fx.verify(token, { now, ...extra });

  it('accepts a token inside its lifetime (control)', async () => {
    const token = await sign({ iat: T, nbf: T, exp: T + 300 });
    await expect(verify(token, at(T + 200))).resolves.toMatchObject({ exp: T + 300 });
  });

  it('refuses an expired token with token_expired', async () => {
    const token = await sign({ iat: T - 400, nbf: T - 400, exp: T - 100 });
    const error = await refusal(verify(token, at(T)));
    expect(error.code).toBe('token_expired');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/expired/);
  });

  it('applies the default 30 s clock tolerance to exp, and none when set to 0', async () => {
    const token = await sign({ iat: T - 290, nbf: T - 290, exp: T + 10 });
    await expect(verify(token, at(T + 20))).resolves.toMatchObject({ exp: T + 10 });
    expect((await refusal(verify(token, at(T + 20), { clockToleranceSeconds: 0 }))).code).toBe('token_expired');
    expect((await refusal(verify(token, at(T + 41)))).code).toBe('token_expired');
  });

  it('refuses a token whose nbf is in the future (beyond the tolerance)', async () => {
    const token = await sign({ iat: T, nbf: T + 120, exp: T + 300 });
    const error = await refusal(verify(token, at(T)));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/not valid yet/);
  });

  it('refuses a token issued in the future', async () => {
    const token = await sign({ iat: T + 120, nbf: T, exp: T + 300 });
    const error = await refusal(verify(token, at(T)));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/iat/);
  });

  it('refuses a token older than maxTokenAgeSeconds even before exp', async () => {
    const token = await sign({ iat: T - 120, nbf: T - 120, exp: T + 180 });
    await expect(verify(token, at(T))).resolves.toMatchObject({ iat: T - 120 });
    expect((await refusal(verify(token, at(T), { maxTokenAgeSeconds: 60 }))).code).toBe('token_expired');
  });

  it('refuses a token that lives longer than the contract\u2019s 5 minutes', async () => {
    const token = await sign({ iat: T, nbf: T, exp: T + 3600 });
    const error = await refusal(verify(token, at(T + 10)));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/300 seconds/);
  });

  it('refuses a clock tolerance over 60 s, negative or not a number', async () => {
    const token = await sign({ iat: T, nbf: T, exp: T + 300 });
    for (const clockToleranceSeconds of [61, 3600, -1, Number.NaN]) {
      await expect(verify(token, at(T), { clockToleranceSeconds })).rejects.toThrow(RangeError);
      expect(() =>
        createOrderGuard({
          verifierUrl: verifier.url,
          audience: AUDIENCE,
          secretKey: SECRET_KEY,
          clockToleranceSeconds,
        }),
      ).toThrow(/clockToleranceSeconds must be from 0 to 60/);
    }
    await expect(verify(token, at(T), { clockToleranceSeconds: 60 })).resolves.toMatchObject({ iat: T });
  });

  it('refuses a maxTokenAgeSeconds beyond the contract lifetime', async () => {
    const token = await sign({ iat: T, nbf: T, exp: T + 300 });
    await expect(verify(token, at(T), { maxTokenAgeSeconds: 301 })).rejects.toThrow(RangeError);
  });
});
