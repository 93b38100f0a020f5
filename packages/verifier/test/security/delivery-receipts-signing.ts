import { createHmac } from 'node:crypto';

/** A receipts key as an operator would generate it (`openssl rand -hex 32`). */
export const RECEIPTS_KEY = 'a3f1c9e07b5d24681fe0c3b97a5d2e4f6b8c0d1e2f3a4b5c6d7e8f9012345678';

export interface SignedCallback {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * A receipt callback as a gateway signs it, written from the documented scheme (not the verifier's code): hex
 * HMAC-SHA256 (RFC 2104) of `${timestamp}.${body}`, the timestamp in unix seconds.
 */
export function signedCallback(
  body: string | Buffer,
  options: { key?: string; timestamp?: number; now?: number } = {},
): SignedCallback {
  const timestamp = options.timestamp ?? Math.floor((options.now ?? Date.now()) / 1000);
  const bytes = Buffer.from(body);
  const signature = createHmac('sha256', options.key ?? RECEIPTS_KEY)
    .update(Buffer.concat([Buffer.from(`${timestamp}.`), bytes]))
    .digest('hex');
  return {
    body: bytes,
    headers: { 'x-otp-verify-signature': signature, 'x-otp-verify-timestamp': String(timestamp) },
  };
}
