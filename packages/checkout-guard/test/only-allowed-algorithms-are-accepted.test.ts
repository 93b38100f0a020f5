/**
 * RFC 8725 3.1 (perform algorithm verification) and 3.2 (use appropriate algorithms); OWASP ASVS 5.0 V9.1.2
 * (only allowlisted algorithms, "none" never). Only ES256 and EdDSA are accepted, whatever the token says.
 */
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { goodClaims, ORDER, segment, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('the algorithm allowlist', () => {
  const fx = useFakeVerifier({ kid: 'k-es256' });
  const { verify } = fx;
  let es384: TestKey;
  let rs256: TestKey;

  beforeAll(async () => {
    // Published in the JWKS on purpose: a key being known must not make its algorithm acceptable.
    es384 = await fx.publish('ES384', 'k-es384');
    rs256 = await fx.publish('RS256', 'k-rs256');
  });

  it('accepts the same claims signed with ES256 (control)', async () => {
    await expect(verify(await signToken(fx.key))).resolves.toMatchObject({ order: ORDER });
  });

  it('refuses an unsecured token (alg "none") with an empty signature', async () => {
    const token = `${segment({ alg: 'none', typ: 'order-verified+jwt', kid: fx.key.kid })}.${segment(goodClaims())}.`;
    expect((await refusal(verify(token))).code).toBe('invalid_token');
  });

  it('refuses alg "none" with a signature segment present', async () => {
    const header = segment({ alg: 'none', typ: 'order-verified+jwt', kid: fx.key.kid });
    const token = `${header}.${segment(goodClaims())}.c2lnbmF0dXJl`;
    const error = await refusal(verify(token));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/algorithm/);
  });

  it('refuses HS256 signed with the verifier public key bytes as the HMAC secret (key confusion)', async () => {
    for (const secret of [fx.key.publicPem, JSON.stringify(fx.key.publicJwk)]) {
      const token = await new SignJWT(goodClaims())
        .setProtectedHeader({ alg: 'HS256', typ: 'order-verified+jwt', kid: fx.key.kid })
        .sign(new TextEncoder().encode(secret));
      const error = await refusal(verify(token));
      expect(error.code).toBe('invalid_token');
      expect(error.message).toMatch(/algorithm/);
    }
  });

  it('refuses ES384 and RS256 even with a key the JWKS publishes', async () => {
    for (const key of [es384, rs256]) {
      const error = await refusal(verify(await signToken(key)));
      expect(error.code).toBe('invalid_token');
      expect(error.message).toMatch(/algorithm/);
    }
  });

  it('refuses a token that claims EdDSA but is signed with the ES256 key', async () => {
    const token = await signToken(fx.key);
    const [, payload, signature] = token.split('.');
    const forged = `${segment({ alg: 'EdDSA', typ: 'order-verified+jwt', kid: fx.key.kid })}.${payload}.${signature}`;
    expect((await refusal(verify(forged))).code).toBe('invalid_token');
  });
});
