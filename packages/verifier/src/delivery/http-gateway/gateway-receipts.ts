import { ConfigError } from '../../config/config-error.js';
import type { MessageProvider } from '../provider.js';
import type { HttpGatewayReceipts } from './config-schema.js';
import { secretFromEnv } from '../../config/env-secret.js';
import { receiptsFromBody } from './receipt-mapping.js';
import { verifyReceiptSignature } from './receipt-signature.js';

/** RFC 2104 section 3: a key shorter than the hash's output (32 bytes for SHA-256) weakens the HMAC. */
const MIN_KEY_BYTES = 32;

/**
 * A gateway's `readReceipts`: the signature checked before the body is even parsed. The key is read from the
 * environment now, at start; a missing or short one stops the start.
 */
export function gatewayReceiptReader(
  providerName: string,
  receipts: HttpGatewayReceipts,
  env: NodeJS.ProcessEnv,
): NonNullable<MessageProvider['readReceipts']> {
  const key = secretFromEnv(`provider "${providerName}": receipts.secretEnv`, receipts.secretEnv, env);
  if (Buffer.byteLength(key) < MIN_KEY_BYTES) {
    throw new ConfigError(
      `provider "${providerName}": receipts.secretEnv: the key in ${receipts.secretEnv} is shorter than ${MIN_KEY_BYTES} bytes`,
    );
  }
  const signing = {
    key,
    signatureHeader: receipts.signatureHeader.toLowerCase(),
    timestampHeader: receipts.timestampHeader.toLowerCase(),
    toleranceSeconds: receipts.toleranceSeconds,
  };
  return (request, now) => {
    verifyReceiptSignature(signing, request, now);
    return receiptsFromBody(receipts, request.body);
  };
}
