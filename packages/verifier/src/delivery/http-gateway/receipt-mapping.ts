import { ReceiptRefusedError } from '../provider.js';
import type { DeliveryReceipt } from '../receipt.js';
import type { HttpGatewayReceipts } from './config-schema.js';
import { withoutNumbers } from './gateway-error.js';
import { valueAtPath } from './json-path.js';

type ReceiptMapping = Pick<
  HttpGatewayReceipts,
  'itemsPath' | 'messageIdPath' | 'statusPath' | 'errorPath' | 'delivered' | 'failed'
>;

/**
 * The delivered and failed receipts in a gateway's callback body, mapped by configuration; other statuses (queued,
 * sent…) are left out. A body that is not JSON, or a receipt without a message id or status, refuses the whole
 * body, so that a gateway never believes a half-read callback was taken.
 */
export function receiptsFromBody(mapping: ReceiptMapping, body: Buffer): DeliveryReceipt[] {
  const document = parseJson(body);
  const items = itemsOf(mapping, document);
  return items.flatMap((item, index) => {
    const receipt = receiptOf(mapping, item, `receipt ${index}`);
    return receipt === undefined ? [] : [receipt];
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return refuse('the body is not JSON');
  }
}

function itemsOf(mapping: ReceiptMapping, document: unknown): unknown[] {
  if (mapping.itemsPath === undefined) return Array.isArray(document) ? document : [document];
  const items = valueAtPath(document, mapping.itemsPath);
  return Array.isArray(items) ? items : refuse(`no list of receipts at ${mapping.itemsPath}`);
}

function receiptOf(mapping: ReceiptMapping, item: unknown, name: string): DeliveryReceipt | undefined {
  const id = valueAtPath(item, mapping.messageIdPath);
  const status = valueAtPath(item, mapping.statusPath);
  if (!isScalar(id)) refuse(`${name}: no message id at ${mapping.messageIdPath}`);
  if (!isScalar(status)) refuse(`${name}: no status at ${mapping.statusPath}`);
  const providerMessageId = String(id);
  if (mapping.delivered.map(String).includes(String(status))) return { providerMessageId, state: 'delivered' };
  if (!mapping.failed.map(String).includes(String(status))) return undefined;
  const reason = mapping.errorPath === undefined ? undefined : valueAtPath(item, mapping.errorPath);
  // The status and the gateway's reason, which may echo the phone number: never recorded in clear.
  return {
    providerMessageId,
    state: 'failed',
    error: withoutNumbers(isScalar(reason) ? `${status}: ${reason}` : `${status}`),
  };
}

function isScalar(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));
}

function refuse(why: string): never {
  throw new ReceiptRefusedError('body', why);
}
