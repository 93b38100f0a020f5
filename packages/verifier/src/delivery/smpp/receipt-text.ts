import type { ReceiptState } from '../receipt.js';

const STATES: Record<string, ReceiptState> = {
  DELIVRD: 'delivered',
  UNDELIV: 'failed',
  DELETED: 'failed',
  EXPIRED: 'expired',
  REJECTD: 'rejected',
  ACCEPTD: 'pending',
  ENROUTE: 'pending',
  UNKNOWN: 'unknown',
};

/**
 * The receipt text of SMPP 3.4 appendix B ("id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:000
 * text:…"); undefined when the text is not a receipt. The receipted_message_id TLV, when the SMSC sends one,
 * names the message more reliably than the text.
 */
export function parseReceiptText(
  text: string,
  receiptedMessageId?: string,
): { messageId: string; state: ReceiptState; error?: string } | undefined {
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S*)`, 'i').exec(text)?.[1];
  const messageId = receiptedMessageId || field('id');
  const status = field('stat')?.toUpperCase();
  if (!messageId || !status) return undefined;
  const state = STATES[status] ?? 'unknown';
  const errorCode = field('err');
  if (state === 'delivered' || state === 'pending') return { messageId, state };
  return { messageId, state, error: errorCode ? `${status} err:${errorCode}` : status };
}
