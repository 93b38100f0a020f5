/** Where a message stands according to a delivery receipt. */
export type ReceiptState = 'delivered' | 'failed' | 'expired' | 'rejected' | 'pending' | 'unknown';

export interface DeliveryReceipt {
  /** The id the provider returned for the message (the first part's, for a concatenated one). */
  providerMessageId: string;
  state: ReceiptState;
  /** The SMSC's status and error code when the message is not delivered, e.g. "UNDELIV err:001". */
  error?: string;
}

/** Where providers hand the receipts they receive (SMPP deliver_sm, an HTTP callback): the outbox records them. */
export type ReceiptSink = (provider: string, receipt: DeliveryReceipt) => void;
