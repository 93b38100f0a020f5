/**
 * RFC 7515 5.2 (JWS validation), RFC 8725 3.1 and OWASP ASVS 5.0 V9.1.1 (tokens validated with their
 * signature before any content is trusted): a changed payload or header, or a signature by another key under
 * a published kid, is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestKey, type TestKey } from './support/keys.js';
import { refusal } from './support/refusal.js';
import { goodClaims, ORDER, segment, signToken, splitToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('signature integrity', () => {
  const fx = useFakeVerifier();
  let edKey: TestKey;

  beforeAll(async () => {
    edKey = await fx.publish('EdDSA', 'k2');
  });

  const verify = (token: string, order = ORDER) => fx.verify(token, { order });

  it('refuses a payload changed after signing (amount lowered to match a cheaper cart)', async () => {
    const claims = goodClaims({ order: { ...ORDER, amount: 99_900 } });
    const [header, , signature] = splitToken(await signToken(fx.key, { claims }));
    const tampered = `${header}.${segment({ ...claims, order: ORDER })}.${signature}`;
    const error = await refusal(verify(tampered));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/signature/);
  });

  it('refuses an Ed25519 token whose payload was changed', async () => {
    const claims = goodClaims();
    const [header, , signature] = splitToken(await signToken(edKey, { claims }));
    const tampered = `${header}.${segment({ ...claims, jti: 'another-jti' })}.${signature}`;
    expect((await refusal(verify(tampered))).code).toBe('invalid_token');
  });

  it('refuses a header changed after signing', async () => {
    const [, payload, signature] = splitToken(await signToken(fx.key));
    const header = segment({ alg: 'ES256', typ: 'order-verified+jwt', kid: fx.key.kid, extra: 1 });
    const error = await refusal(verify(`${header}.${payload}.${signature}`));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/signature/);
  });

  it('refuses a token signed by another key under a published kid', async () => {
    const attacker = await createTestKey('ES256', fx.key.kid);
    const error = await refusal(verify(await signToken(attacker)));
    expect(error.code).toBe('invalid_token');
    expect(error.message).toMatch(/signature/);
  });

  it('refuses a token whose signature was cut off or swapped', async () => {
    const [header, payload] = splitToken(await signToken(fx.key));
    const [, , otherSignature] = splitToken(await signToken(fx.key));
    expect((await refusal(verify(`${header}.${payload}.${otherSignature}`))).code).toBe('invalid_token');
    expect((await refusal(verify(`${header}.${payload}.AAAA`))).code).toBe('invalid_token');
  });
});
