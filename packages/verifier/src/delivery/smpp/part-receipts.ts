import type { DeliveryReceipt, ReceiptState } from '../receipt.js';

interface Message {
  providerMessageId: string;
  undelivered: Set<string>;
}

/**
 * Turns receipts for the parts of concatenated messages into receipts for the messages: delivered once every part
 * is, failed (or expired, rejected) as soon as one part is. Remembers the last `capacity` messages only.
 */
export class PartReceipts {
  private readonly messagesByPartId = new Map<string, Message>();

  constructor(private readonly capacity = 10_000) {}

  /** `partIds[0]` is the message's provider id. */
  remember(partIds: readonly string[]): void {
    const [providerMessageId] = partIds;
    if (providerMessageId === undefined) return;
    const message = { providerMessageId, undelivered: new Set(partIds) };
    for (const partId of partIds) this.messagesByPartId.set(partId, message);
    for (const oldest of this.messagesByPartId.keys()) {
      if (this.messagesByPartId.size <= this.capacity) break;
      this.messagesByPartId.delete(oldest);
    }
  }

  /** The message's receipt this part's receipt makes, or undefined while other parts are still awaited. */
  receive(partId: string, state: ReceiptState, error?: string): DeliveryReceipt | undefined {
    const message = this.messagesByPartId.get(partId);
    if (!message) return { providerMessageId: partId, state, ...(error === undefined ? {} : { error }) };
    if (state === 'pending' || state === 'unknown') return undefined;
    this.messagesByPartId.delete(partId);
    message.undelivered.delete(partId);
    if (state === 'delivered' && message.undelivered.size > 0) return undefined;
    for (const id of message.undelivered) this.messagesByPartId.delete(id);
    return { providerMessageId: message.providerMessageId, state, ...(error === undefined ? {} : { error }) };
  }
}
