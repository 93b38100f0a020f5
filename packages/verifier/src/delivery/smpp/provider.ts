import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import smpp from 'smpp';
import type { MessageProvider, ProviderMessage, SendOptions } from '../provider.js';
import { DeliveryFailure } from '../provider.js';
import type { BackOff } from './back-off.js';
import { backOffDelay } from './back-off.js';
import { commandStatusName, ESME_ROK, ESME_RTHROTTLED, MESSAGE_REFUSALS } from './command-status.js';
import type { SmppProviderConfig } from './config.js';
import { untilAborted } from './connection.js';
import { PartReceipts } from './part-receipts.js';
import type { DeliveryReceipt } from '../receipt.js';
import { parseReceiptText } from './receipt-text.js';
import { SmppSession } from './session.js';
import { submitSmParams } from './submit-sm.js';

export interface SmppProviderOptions {
  /** Read by the caller from the environment variable the configuration names. */
  password: string;
  logger: Logger;
  onReceipt(receipt: DeliveryReceipt): void;
}

export interface SmppProvider extends MessageProvider {
  /** Unbinds from the SMSC and stops reconnecting. */
  close(): Promise<void>;
}

/** The SMSC answered submit_sm with an error status; `rejected` when the status is about the message itself. */
export class SmppSubmitRefusedError extends DeliveryFailure {
  override name = 'SmppSubmitRefusedError';
  constructor(readonly status: number) {
    super(`the SMSC refused submit_sm: ${commandStatusName(status)}`, MESSAGE_REFUSALS.has(status));
  }
}

/** esm_class bits 2–5: the message type, 0x04 for an SMSC delivery receipt. */
const ESM_CLASS_TYPE = 0x3c;
const ESM_CLASS_DELIVERY_RECEIPT = 0x04;

function shortMessageText(pdu: smpp.PDU): string {
  const shortMessage = pdu.short_message;
  if (shortMessage === undefined) return '';
  const text = typeof shortMessage === 'object' && 'message' in shortMessage ? shortMessage.message : shortMessage;
  return text.toString();
}

/**
 * Submits one PDU, waiting out ESME_RTHROTTLED with back-off as long as the deadline allows; its message_id. Once
 * `signal` aborts, nothing more is submitted and nothing more waited for.
 */
async function submit(
  session: SmppSession,
  params: smpp.PduParams,
  deadline: number,
  throttle: BackOff,
  signal: AbortSignal | undefined,
) {
  for (let attempt = 0; ; attempt += 1) {
    signal?.throwIfAborted();
    const response = await untilAborted(session.request(new smpp.PDU('submit_sm', params), deadline), signal);
    if (response.command_status === ESME_ROK) return response.message_id ?? '';
    if (response.command_status !== ESME_RTHROTTLED) throw new SmppSubmitRefusedError(response.command_status);
    const wait = backOffDelay(throttle, attempt);
    if (Date.now() + wait >= deadline) throw new SmppSubmitRefusedError(response.command_status);
    await sleep(wait, undefined, { signal });
  }
}

/** A MessageProvider that submits SMS to an SMSC over SMPP 3.4 and reports the SMSC's delivery receipts. */
export function createSmppProvider(config: SmppProviderConfig, options: SmppProviderOptions): SmppProvider {
  const { logger, onReceipt } = options;
  const receipts = new PartReceipts();
  const session = new SmppSession({
    ...config,
    password: options.password,
    enquireLinkMs: config.enquireLinkSeconds * 1000,
    logger,
    onDeliverSm: (pdu) => {
      if (((pdu.esm_class ?? 0) & ESM_CLASS_TYPE) !== ESM_CLASS_DELIVERY_RECEIPT) return;
      const receipt = parseReceiptText(shortMessageText(pdu), pdu.receipted_message_id);
      // Not its text: a receipt's `text:` echoes the start of the SMS, where the code is.
      if (!receipt) return logger.warn({ esmClass: pdu.esm_class }, 'SMPP receipt not understood');
      const messageReceipt = receipts.receive(receipt.messageId, receipt.state, receipt.error);
      if (messageReceipt) onReceipt(messageReceipt);
    },
  });
  let reference = randomInt(256);

  return {
    name: 'smpp',
    send: async (message: ProviderMessage, { signal }: SendOptions = {}) => {
      if (message.channel !== 'sms') throw new Error(`the SMPP provider sends SMS, not ${message.channel}`);
      const deadline = Date.now() + config.submitTimeoutMs;
      reference = (reference + 1) % 256;
      const partIds: string[] = [];
      try {
        for (const params of submitSmParams(message, config.defaultSender, reference)) {
          partIds.push(await submit(session, params, deadline, config.throttle, signal));
        }
      } catch (error) {
        if (!signal?.aborted) throw error;
        throw new Error('the SMPP submit was not waited for: the attempt was cancelled', { cause: error });
      }
      receipts.remember(partIds);
      return { providerMessageId: partIds[0] ?? '' };
    },
    close: () => session.close(),
  };
}
