import { createHash } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import type { ProviderMessage } from '../provider.js';

/**
 * The same for every attempt at a message, so a mailbox that got an earlier attempt can tell the retry is no
 * new message. A hash keeps whatever the key holds out of the header's syntax.
 */
export function messageIdFor(idempotencyKey: string, fromAddress: string): string {
  const id = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<otp.${id}@${fromAddress.slice(fromAddress.lastIndexOf('@') + 1)}>`;
}

/**
 * The email as nodemailer builds it: multipart/alternative text and HTML. Addresses go in as objects, so
 * nodemailer quotes the brand's display name and never reads a list out of the customer's address.
 */
export function mailFor(message: ProviderMessage, fromAddress: string): SendMailOptions {
  return {
    from: { name: message.sender ?? '', address: fromAddress },
    to: { name: '', address: message.to },
    subject: message.subject,
    text: message.body,
    html: message.html,
    messageId: messageIdFor(message.idempotencyKey, fromAddress),
    // An automatic message (RFC 3834): mailboxes send no vacation replies to it.
    headers: { 'Auto-Submitted': 'auto-generated' },
    xMailer: false,
  };
}
