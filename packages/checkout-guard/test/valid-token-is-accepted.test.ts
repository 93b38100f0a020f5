import { beforeAll, describe, expect, it } from 'vitest';
import { type TestKey } from './support/keys.js';
import { goodClaims, signToken } from './support/tokens.js';
import { useFakeVerifier } from './support/use-fake-verifier.js';

describe('a valid order-verified token', () => {
  const fx = useFakeVerifier({ kid: 'k-es256' });
  const { verifier, verify } = fx;
  let ed25519: TestKey;

  beforeAll(async () => {
    ed25519 = await fx.publish('EdDSA', 'k-ed25519');
  });

  it('signed with ES256 gives its claims', async () => {
    const claims = goodClaims();
    await expect(verify(await signToken(fx.key, { claims }))).resolves.toEqual(claims);
  });

  it('signed with Ed25519 (alg EdDSA) gives its claims', async () => {
    const claims = goodClaims({ amr: ['email'] });
    await expect(verify(await signToken(ed25519, { claims }))).resolves.toEqual(claims);
  });

  it('gives only the contract claims, not extra ones the token carries', async () => {
    const claims = goodClaims();
    const result = await verify(await signToken(fx.key, { claims: { ...claims, role: 'admin' } }));
    expect(result).toEqual(claims);
    expect(result).not.toHaveProperty('role');
  });

  it('fetches the JWKS from {verifierUrl}/.well-known/jwks.json once and reuses it', async () => {
    const before = verifier.jwksRequests;
    for (let i = 0; i < 5; i += 1) await verify(await signToken(i % 2 ? fx.key : ed25519));
    expect(fx.keys.jwksUrl.href).toBe(`${verifier.url}/.well-known/jwks.json`);
    expect(verifier.jwksRequests - before).toBe(0);
    expect(verifier.jwksRequests).toBe(1);
  });
});
