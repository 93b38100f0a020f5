import { randomBytes } from 'node:crypto';
import { sha256Hex } from './brands.js';

export interface NewSecretKey {
  /** Goes to the brand's checkout server only, once; the verifier never stores it. */
  secretKey: string;
  /** The entry for the brand file's `secretKeys`. */
  entry: { id: string; sha256: string };
}

/** The id of a new key when none is given: the month and 4 random hex digits, "2026-11-3fa9". */
export function newKeyId(today: Date): string {
  return `${today.toISOString().slice(0, 7)}-${randomBytes(2).toString('hex')}`;
}

/** A brand secret key: `sk_live_` and 256 random bits (base64url), with the hash its brand file holds. */
export function newSecretKey(id: string): NewSecretKey {
  const secretKey = `sk_live_${randomBytes(32).toString('base64url')}`;
  return { secretKey, entry: { id, sha256: sha256Hex(secretKey) } };
}
