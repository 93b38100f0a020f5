import type { IncomingHttpHeaders } from 'node:http';
import type { OutgoingMessage } from '../store/port.js';
import type { DeliveryReceipt } from './receipt.js';

/** What a provider is asked to deliver: the message, who it is from, and a key that makes a retry harmless. */
export interface ProviderMessage extends OutgoingMessage {
  /**
   * SMS: the brand's sender id (alphanumeric, at most 11 characters); email: the brand's display name for the
   * From header. Absent: the provider's default.
   */
  sender?: string;
  /** The same for every attempt at this message: a gateway that has seen it must not deliver it twice. */
  idempotencyKey: string;
}

export interface SendOptions {
  /** Aborted when the outbox gives up on this attempt (its per-attempt timeout, or the verifier stopping). */
  signal?: AbortSignal;
}

/** A way to deliver a message to a customer. */
export interface MessageProvider {
  readonly name: string;
  /** One attempt; a failure throws, a DeliveryFailure when the provider can say what kind it is. */
  send(message: ProviderMessage, options?: SendOptions): Promise<{ providerMessageId: string }>;
  /** Ends the provider's connections (an SMPP bind); the verifier calls it when it stops. */
  close?(): Promise<void>;
  /**
   * The delivery receipts in a callback its gateway posted to `POST /v1/delivery-receipts/{provider}` (`now`: epoch
   * ms), once the request is shown to come from the gateway. Receipts that are neither delivered nor failed are
   * left out. Throws ReceiptRefusedError. Absent: the provider takes no receipts over HTTP.
   */
  readReceipts?(request: ReceiptRequest, now: number): DeliveryReceipt[];
}

/** A receipt callback as it arrived: the body's exact bytes (what a signature covers) and the headers. */
export interface ReceiptRequest {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

/**
 * readReceipts refused a callback. `signature`: it is not shown to come from the gateway (signature or timestamp
 * missing, wrong or stale), and the caller learns no more than that; `body`: it is, but its body cannot be read.
 */
export class ReceiptRefusedError extends Error {
  override name = 'ReceiptRefusedError';
  constructor(
    readonly reason: 'signature' | 'body',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A provider did not take a message. `rejected`: it refuses this message itself (an invalid number, an SMTP 5xx
 * for the address), so sending it there again is pointless, though another provider may take it. Otherwise the
 * fault is the provider's (down, slow, throttling, a 5xx) and counts against its health; any other error thrown
 * by a provider counts so too.
 */
export class DeliveryFailure extends Error {
  override name = 'DeliveryFailure';
  constructor(
    message: string,
    readonly rejected = false,
  ) {
    super(message);
  }
}
