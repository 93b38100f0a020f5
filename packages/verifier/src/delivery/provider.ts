import type { OutgoingMessage } from '../store/port.js';

/** What a provider is asked to deliver: the message, who it is from, and a key that makes a retry harmless. */
export interface ProviderMessage extends OutgoingMessage {
  /** The brand's SMS sender id (alphanumeric, at most 11 characters); absent: the provider's default. */
  sender?: string;
  /** The same for every attempt at this message: a gateway that has seen it must not deliver it twice. */
  idempotencyKey: string;
}

/** A way to deliver a message to a customer. */
export interface MessageProvider {
  readonly name: string;
  send(message: ProviderMessage): Promise<{ providerMessageId: string }>;
  /** Ends the provider's connections (an SMPP bind); the verifier calls it when it stops. */
  close?(): Promise<void>;
}
