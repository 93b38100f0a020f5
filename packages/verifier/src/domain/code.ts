import { createHmac, timingSafeEqual } from 'node:crypto';

/** Draws a uniformly random integer in [0, max) from a CSPRNG; passed in so tests control it. */
export type RandomInt = (max: number) => number;

export interface CodeSecret {
  id: string;
  key: Buffer;
}

export function generateCode(length: number, randomInt: RandomInt): string {
  return String(randomInt(10 ** length)).padStart(length, '0');
}

/** The stored form of a code: an HMAC bound to its session, so a leaked table reveals no codes. */
export function hashCode(secret: CodeSecret, sessionId: string, code: string): string {
  return createHmac('sha256', secret.key).update(`${sessionId}\0${code}`).digest('base64url');
}

export function codeMatches(secret: CodeSecret, sessionId: string, candidate: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'base64url');
  const actual = Buffer.from(hashCode(secret, sessionId, candidate), 'base64url');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
