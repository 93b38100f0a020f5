import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifierKeys, verifyOrderToken, type VerifierKeys } from '../src/index.js';
import { FakeVerifier } from './support/fake-verifier.js';
import { createTestKey, type TestKey } from './support/keys.js';
import { AUDIENCE, goodClaims, ISSUER, ORDER, signToken } from './support/tokens.js';

describe('a valid order-verified token', () => {
  const verifier = new FakeVerifier();
  let es256: TestKey;
  let ed25519: TestKey;
  let keys: VerifierKeys;

  beforeAll(async () => {
    es256 = await createTestKey('ES256', 'k-es256');
    ed25519 = await createTestKey('EdDSA', 'k-ed25519');
    await verifier.start();
    verifier.keys = [es256.publicJwk, ed25519.publicJwk];
    keys = createVerifierKeys(verifier.url);
  });
  afterAll(() => verifier.stop());

  const verify = (token: string) => verifyOrderToken(token, { issuer: ISSUER, audience: AUDIENCE, order: ORDER, keys });

  it('signed with ES256 gives its claims', async () => {
    const claims = goodClaims();
    await expect(verify(await signToken(es256, { claims }))).resolves.toEqual(claims);
  });

  it('signed with Ed25519 (alg EdDSA) gives its claims', async () => {
    const claims = goodClaims({ amr: ['email'] });
    await expect(verify(await signToken(ed25519, { claims }))).resolves.toEqual(claims);
  });

  it('gives only the contract claims, not extra ones the token carries', async () => {
    const claims = goodClaims();
    const result = await verify(await signToken(es256, { claims: { ...claims, role: 'admin' } }));
    expect(result).toEqual(claims);
    expect(result).not.toHaveProperty('role');
  });

  it('fetches the JWKS from {verifierUrl}/.well-known/jwks.json once and reuses it', async () => {
    const before = verifier.jwksRequests;
    for (let i = 0; i < 5; i += 1) await verify(await signToken(i % 2 ? es256 : ed25519));
    expect(keys.jwksUrl.href).toBe(`${verifier.url}/.well-known/jwks.json`);
    expect(verifier.jwksRequests - before).toBe(0);
    expect(verifier.jwksRequests).toBe(1);
  });
});
