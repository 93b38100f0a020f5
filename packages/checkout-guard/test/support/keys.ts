import { exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export type TestAlgorithm = 'ES256' | 'EdDSA' | 'ES384' | 'RS256';

export interface TestKey {
  kid: string;
  alg: TestAlgorithm;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as the verifier publishes it in its JWKS. */
  publicJwk: JWK;
  /** The public key as SPKI PEM (what an alg-confusion attacker would use as an HMAC secret). */
  publicPem: string;
}

export async function createTestKey(alg: TestAlgorithm, kid: string): Promise<TestKey> {
  const { privateKey, publicKey } =
    alg === 'EdDSA'
      ? await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
      : await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, publicJwk, publicPem: await exportSPKI(publicKey) };
}
