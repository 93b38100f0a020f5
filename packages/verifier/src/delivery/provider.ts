import type { OutgoingMessage } from '../store/port.js';

/** A way to deliver a message to a customer. */
export interface MessageProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}
