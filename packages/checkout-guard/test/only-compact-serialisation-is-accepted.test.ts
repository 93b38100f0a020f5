/**
 * RFC 7519 1 and 7.2 (a JWT is in JWS Compact Serialization), RFC 8725 2.1/3.1 and OWASP ASVS 5.0 V9.1.1:
 * JSON serialisations (which may carry unprotected headers), encrypted or otherwise malformed tokens, and
 * oversized input are refused before any key is looked up.
 */
import { FlattenedSign, GeneralSign } from 'jose';
import { describe, expect, it } from 'vitest';
import { refusal } from './support/refusal.js';
import { goodClaims, ORDER, segment, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('compact serialisation only', () => {
  const fx = useFakeVerifier();
  const { verifier } = fx;

  const verify = (token: unknown) => fx.verify(token as string);
  const payload = () => new TextEncoder().encode(JSON.stringify(goodClaims()));

  it('refuses a validly signed flattened JSON serialisation', async () => {
    const jws = await new FlattenedSign(payload())
      .setProtectedHeader({ alg: 'ES256', typ: 'order-verified+jwt', kid: fx.key.kid })
      .sign(fx.key.privateKey);
    const error = await refusal(verify(JSON.stringify(jws)));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/compact serialisation/);
    expect(verifier.jwksRequests).toBe(0);
  });

  it('refuses a validly signed general JSON serialisation', async () => {
    const sign = new GeneralSign(payload());
    sign
      .addSignature(fx.key.privateKey)
      .setProtectedHeader({ alg: 'ES256', typ: 'order-verified+jwt', kid: fx.key.kid });
    const error = await refusal(verify(JSON.stringify(await sign.sign())));
    expect(error.message).toMatch(/compact serialisation/);
  });

  it('refuses a parsed JSON object passed instead of a string', async () => {
    const jws = await new FlattenedSign(payload())
      .setProtectedHeader({ alg: 'ES256', typ: 'order-verified+jwt', kid: fx.key.kid })
      .sign(fx.key.privateKey);
    expect((await refusal(verify(jws))).message).toMatch(/must be a string/);
  });

  it('refuses five segments (JWE), two segments, whitespace and non-base64url characters', async () => {
    const good = await signToken(fx.key);
    const h = segment({ alg: 'ES256', typ: 'order-verified+jwt', kid: fx.key.kid });
    for (const token of [
      `${good}.AAAA.BBBB`,
      good.split('.').slice(0, 2).join('.'),
      ` ${good}`,
      `${good}\n`,
      `${h}.${segment(goodClaims())}.ab+/cd==`,
    ]) {
      expect((await refusal(verify(token))).code).toBe('invalid_token');
    }
    expect(verifier.jwksRequests).toBe(0);
  });

  it('refuses a token longer than 8192 characters', async () => {
    const big = await signToken(fx.key, { claims: goodClaims({ padding: 'x'.repeat(9000) }) });
    expect((await refusal(verify(big))).message).toMatch(/longer than 8192/);
  });

  it('accepts the compact form (control)', async () => {
    await expect(verify(await signToken(fx.key))).resolves.toMatchObject({ order: ORDER });
  });
});
