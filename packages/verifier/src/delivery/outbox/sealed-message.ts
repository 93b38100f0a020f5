import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { OutgoingMessage } from '../../store/port.js';

/** What the outbox keeps of a message until it is sent: the address and the text, which holds the code. */
export type SealedContent = Pick<OutgoingMessage, 'to' | 'body' | 'subject' | 'html'> & { sender?: string };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a message for the outbox with AES-256-GCM, bound to its message id (the additional data), so the store,
 * its backups and its WAL never hold a code or an address in clear, and a sealed payload cannot be moved to
 * another message.
 */
export function sealMessage(key: Buffer, messageId: string, content: SealedContent): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(messageId));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** Opens what sealMessage made for the same id; throws if the payload was changed or belongs to another message. */
export function openMessage(key: Buffer, messageId: string, payload: Buffer): SealedContent {
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES));
  decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  decipher.setAAD(Buffer.from(messageId));
  const plain = Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as SealedContent;
}
