import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReceiptRequest } from '../provider.js';
import { ReceiptRefusedError } from '../provider.js';

export interface ReceiptSigning {
  key: string;
  /** Lower-case header names. */
  signatureHeader: string;
  timestampHeader: string;
  toleranceSeconds: number;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * Refuses a receipt callback unless it comes from the gateway and is fresh: its signature header is the hex
 * HMAC-SHA256 (RFC 2104) under the shared key of `${timestamp}.${body}`, compared in constant time, and its
 * timestamp (unix seconds) is within the tolerance of `now` (epoch ms) either way, so a recorded request cannot be
 * replayed later (OWASP ASVS 5.0 V13.2.1: backend communication is authenticated).
 */
export function verifyReceiptSignature(signing: ReceiptSigning, request: ReceiptRequest, now: number): void {
  const timestamp = request.headers[signing.timestampHeader];
  const signature = request.headers[signing.signatureHeader];
  if (typeof timestamp !== 'string' || !UNIX_SECONDS.test(timestamp)) refuse('no timestamp in unix seconds');
  if (Math.abs(now / 1000 - Number(timestamp)) > signing.toleranceSeconds) {
    refuse(`the timestamp is more than ${signing.toleranceSeconds} s away from now`);
  }
  if (typeof signature !== 'string' || !HEX_SHA256.test(signature)) refuse('no signature of 64 hex digits');
  const expected = createHmac('sha256', signing.key).update(`${timestamp}.`).update(request.body).digest();
  // Both 32 bytes: timingSafeEqual compares every byte, so the time taken tells nothing about how many matched.
  if (!timingSafeEqual(Buffer.from(signature, 'hex'), expected)) refuse('the signature does not match');
}

function refuse(why: string): never {
  throw new ReceiptRefusedError('signature', why);
}
