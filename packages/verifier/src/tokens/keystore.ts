import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CryptoKey, JSONWebKeySet, JWK, JWTVerifyGetKey } from 'jose';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { OrderTokenAlgorithm } from '@otp-verify/protocol';
import { writePrivateFile } from '../config/private-files.js';

interface StoredKey {
  kid: string;
  alg: OrderTokenAlgorithm;
  createdAt: string;
  privateJwk: JWK;
}

export interface SigningKey {
  kid: string;
  alg: OrderTokenAlgorithm;
  privateKey: CryptoKey;
}

export interface SigningKeys {
  /** The key that signs new tokens: the newest one. */
  current: SigningKey;
  /** The public keys, as served at /.well-known/jwks.json. */
  jwks: JSONWebKeySet;
  verificationKeys: JWTVerifyGetKey;
}

/**
 * Loads the signing keys from `<dataDir>/keys`, generating the first one on first start.
 * Private keys are written mode 0600 in a 0700 directory and never leave it.
 */
export async function loadOrCreateSigningKeys(
  dataDir: string,
  alg: OrderTokenAlgorithm = 'ES256',
  now: Date = new Date(),
): Promise<SigningKeys> {
  const directory = join(dataDir, 'keys');
  let stored = readStoredKeys(directory);
  if (stored.length === 0) {
    const fresh = await generateStoredKey(alg, now);
    writePrivateFile(join(directory, `${fresh.kid}.json`), JSON.stringify(fresh, null, 2));
    stored = [fresh];
  }
  const newest = stored.at(-1) as StoredKey;
  const jwks: JSONWebKeySet = { keys: stored.map(publicJwk) };
  return {
    current: {
      kid: newest.kid,
      alg: newest.alg,
      privateKey: (await importJWK(newest.privateJwk, newest.alg)) as CryptoKey,
    },
    jwks,
    verificationKeys: createLocalJWKSet(jwks),
  };
}

function readStoredKeys(directory: string): StoredKey[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as StoredKey)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

async function generateStoredKey(alg: OrderTokenAlgorithm, now: Date): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  return { kid, alg, createdAt: now.toISOString(), privateJwk: { ...privateJwk, kid, alg } };
}

function publicJwk({ privateJwk, kid, alg }: StoredKey): JWK {
  const { kty, crv, x, y } = privateJwk;
  return { kty, crv, x, ...(y === undefined ? {} : { y }), kid, alg, use: 'sig' };
}
