import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { OrderTokenAlgorithm } from '@otp-verify/protocol';
import { ORDER_TOKEN_ALGORITHMS, ORDER_TOKEN_MAX_LIFETIME_SECONDS } from '@otp-verify/protocol';
import { ConfigError } from '../config/config-error.js';

/**
 * How long a retired key stays published after it stopped signing: the longest token lifetime plus the largest
 * clock tolerance a checkout guard may use (60 s). After that no token it signed can still be accepted anywhere,
 * so it leaves the JWKS and its tokens are refused.
 */
export const RETIRED_KEY_GRACE_SECONDS = ORDER_TOKEN_MAX_LIFETIME_SECONDS + 60;

/** One signing key as stored in `<dataDir>/keys/<kid>.json` (mode 0600, directory 0700). */
export interface StoredKey {
  kid: string;
  alg: OrderTokenAlgorithm;
  createdAt: string;
  /** When it stopped signing (a rotation); absent while it may sign. */
  retiredAt?: string;
  privateJwk: JWK;
}

export type KeyState = 'signing' | 'retired' | 'removed';

export interface KeyInfo {
  kid: string;
  alg: OrderTokenAlgorithm;
  createdAt: string;
  retiredAt: string | undefined;
  /** Until when a retired key stays in the JWKS. */
  publishedUntil: string | undefined;
  state: KeyState;
}

export function keysDirectory(dataDir: string): string {
  return join(dataDir, 'keys');
}

export function isSigningAlgorithm(value: unknown): value is OrderTokenAlgorithm {
  return typeof value === 'string' && (ORDER_TOKEN_ALGORITHMS as readonly string[]).includes(value);
}

/** Milliseconds since the epoch after which a key is no longer published, or undefined while it signs. */
export function removalTime(key: StoredKey): number | undefined {
  return key.retiredAt === undefined ? undefined : Date.parse(key.retiredAt) + RETIRED_KEY_GRACE_SECONDS * 1000;
}

export function keyState(key: StoredKey, now: number): KeyState {
  const removeAt = removalTime(key);
  if (removeAt === undefined) return 'signing';
  return now < removeAt ? 'retired' : 'removed';
}

/** The key that signs new tokens: the newest one not retired. */
export function signingKeyOf(keys: readonly StoredKey[]): StoredKey | undefined {
  return keys.filter((key) => key.retiredAt === undefined).at(-1);
}

/**
 * Reads every key file, oldest first. A key file or directory that others may read is refused: private keys are
 * never world- or group-readable.
 */
export function readStoredKeys(directory: string): StoredKey[] {
  if (!existsSync(directory)) return [];
  assertPrivate(directory, 0o700);
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readKeyFile(join(directory, name)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.kid.localeCompare(b.kid));
}

function readKeyFile(file: string): StoredKey {
  assertPrivate(file, 0o600);
  let key: Partial<StoredKey>;
  try {
    key = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredKey>;
  } catch (error) {
    throw new ConfigError(
      `${file} is not a readable key file (${(error as Error).message}); move it out of the directory`,
    );
  }
  if (
    typeof key.kid !== 'string' ||
    !isSigningAlgorithm(key.alg) ||
    typeof key.createdAt !== 'string' ||
    Number.isNaN(Date.parse(key.createdAt)) ||
    (key.retiredAt !== undefined && Number.isNaN(Date.parse(key.retiredAt))) ||
    typeof key.privateJwk !== 'object' ||
    key.privateJwk === null
  ) {
    throw new ConfigError(`${file} is not a signing key written by otp-verify; move it out of the directory`);
  }
  return key as StoredKey;
}

function assertPrivate(path: string, expected: number): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `${path} is readable by others (mode ${mode.toString(8)}); signing keys must stay private: chmod ${expected.toString(8)} ${path}`,
    );
  }
}

export async function generateStoredKey(alg: OrderTokenAlgorithm, now: Date): Promise<StoredKey> {
  const { privateKey } =
    alg === 'EdDSA'
      ? await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
      : await generateKeyPair(alg, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  return { kid, alg, createdAt: now.toISOString(), privateJwk: { ...privateJwk, kid, alg } };
}

/**
 * Writes a key file atomically (a private temporary file renamed into place), so a running verifier that
 * reloads the directory never reads half a key.
 */
export function writeKeyFile(directory: string, key: StoredKey): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  chmodSync(directory, 0o700);
  const temporary = join(directory, `.${key.kid}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, JSON.stringify(key, null, 2), { mode: 0o600, flag: 'wx' });
  renameSync(temporary, join(directory, `${key.kid}.json`));
}

export interface RotationResult {
  created: KeyInfo;
  retired: KeyInfo[];
  /** Key files deleted because their keys had left the JWKS: nothing they signed can be accepted any more. */
  deleted: string[];
}

/**
 * `otp-verify keys rotate`: creates a key that signs from now on, retires every key that signed until now (they
 * stay in the JWKS for RETIRED_KEY_GRACE_SECONDS) and deletes the files of keys that have already left it.
 * A running verifier picks the change up by itself (see SigningKeyring).
 */
export async function rotateSigningKey(
  dataDir: string,
  options: { alg: OrderTokenAlgorithm; now?: Date },
): Promise<RotationResult> {
  const now = options.now ?? new Date();
  const directory = keysDirectory(dataDir);
  const before = readStoredKeys(directory);
  const fresh = await generateStoredKey(options.alg, now);
  // The new key first: whenever a verifier reloads, some key can sign.
  writeKeyFile(directory, fresh);
  const retired: KeyInfo[] = [];
  const deleted: string[] = [];
  for (const key of before) {
    if (key.retiredAt === undefined) {
      const retiring = { ...key, retiredAt: now.toISOString() };
      writeKeyFile(directory, retiring);
      retired.push(describeKey(retiring, now.getTime()));
    } else if (keyState(key, now.getTime()) === 'removed') {
      unlinkSync(join(directory, `${key.kid}.json`));
      deleted.push(key.kid);
    }
  }
  return { created: describeKey(fresh, now.getTime()), retired, deleted };
}

/** `otp-verify keys list`: every key with its state at `now`. */
export function listSigningKeys(dataDir: string, now: Date = new Date()): KeyInfo[] {
  return readStoredKeys(keysDirectory(dataDir)).map((key) => describeKey(key, now.getTime()));
}

export function describeKey(key: StoredKey, now: number): KeyInfo {
  const removeAt = removalTime(key);
  return {
    kid: key.kid,
    alg: key.alg,
    createdAt: key.createdAt,
    retiredAt: key.retiredAt,
    publishedUntil: removeAt === undefined ? undefined : new Date(removeAt).toISOString(),
    state: keyState(key, now),
  };
}
