import type { PduParams } from 'smpp';
import type { ProviderMessage } from '../provider.js';
import { concatenationHeader, encodeUserData } from './user-data.js';

const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const NPI_UNKNOWN = 0;
const NPI_E164 = 1;
const ESM_CLASS_UDHI = 0x40;
/** Ask for a receipt whether the message is delivered or fails. */
const REGISTERED_DELIVERY_FINAL = 1;

function sourceAddress(sender: string | undefined): PduParams {
  if (sender === undefined) return {};
  if (/^\+\d+$/.test(sender)) {
    return { source_addr_ton: TON_INTERNATIONAL, source_addr_npi: NPI_E164, source_addr: sender.slice(1) };
  }
  return { source_addr_ton: TON_ALPHANUMERIC, source_addr_npi: NPI_UNKNOWN, source_addr: sender };
}

/**
 * The submit_sm PDUs for a message, in order: one, or one per part with a concatenation header naming
 * `reference` (the same for every part of this message, different from the last 255 messages').
 */
export function submitSmParams(
  message: Pick<ProviderMessage, 'to' | 'body' | 'sender'>,
  defaultSender: string | undefined,
  reference: number,
): PduParams[] {
  const common: PduParams = {
    ...sourceAddress(message.sender ?? defaultSender),
    dest_addr_ton: TON_INTERNATIONAL,
    dest_addr_npi: NPI_E164,
    destination_addr: message.to.replace(/^\+/, ''),
    registered_delivery: REGISTERED_DELIVERY_FINAL,
  };
  const { dataCoding, parts } = encodeUserData(message.body);
  if (parts.length === 1) return [{ ...common, data_coding: dataCoding, short_message: parts[0] }];
  return parts.map((part, index) => ({
    ...common,
    esm_class: ESM_CLASS_UDHI,
    data_coding: dataCoding,
    short_message: Buffer.concat([concatenationHeader(reference, parts.length, index + 1), part]),
  }));
}
