import { describe, expect, it } from 'vitest';
import { httpGatewayConfigSchema } from '../../src/delivery/http-gateway/config-schema.js';
import { receiptsFromBody } from '../../src/delivery/http-gateway/receipt-mapping.js';
import { ReceiptRefusedError } from '../../src/delivery/provider.js';

function mapping(receipts: Record<string, unknown>) {
  const config = httpGatewayConfigSchema.parse({
    type: 'http',
    url: 'https://sms.example.com/v1/messages',
    json: { to: '{to}', text: '{text}' },
    response: { messageIdPath: 'id' },
    receipts: { secretEnv: 'ACME_RECEIPTS_KEY', delivered: ['DELIVERED'], failed: ['FAILED', 'REJECTED'], ...receipts },
  });
  if (config.receipts === undefined) throw new Error('no receipts section');
  return config.receipts;
}

const read = (receipts: Record<string, unknown>, body: unknown) =>
  receiptsFromBody(mapping(receipts), Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));

const FLAT = { messageIdPath: 'id', statusPath: 'status', errorPath: 'error.description' };

describe('a gateway’s receipts are mapped by its configuration', () => {
  it('reads one receipt posted as an object', () => {
    expect(read(FLAT, { id: 'gw-1', status: 'DELIVERED' })).toEqual([
      { providerMessageId: 'gw-1', state: 'delivered' },
    ]);
  });

  it('reads the list at itemsPath, with nested paths, leaving out statuses that are neither delivered nor failed', () => {
    const body = {
      results: [
        { message: { ref: 'gw-1' }, report: { code: 'DELIVERED' } },
        { message: { ref: 'gw-2' }, report: { code: 'ENROUTE' } },
        { message: { ref: 77 }, report: { code: 'REJECTED', reason: 'absent subscriber' } },
      ],
    };
    const receipts = { itemsPath: 'results', messageIdPath: 'message.ref', statusPath: 'report.code' };
    expect(read({ ...receipts, errorPath: 'report.reason' }, body)).toEqual([
      { providerMessageId: 'gw-1', state: 'delivered' },
      { providerMessageId: '77', state: 'failed', error: 'REJECTED: absent subscriber' },
    ]);
  });

  it('reads a body that is itself a list', () => {
    const body = [
      { id: 'gw-1', status: 'FAILED' },
      { id: 'gw-2', status: 'DELIVERED' },
    ];
    expect(read(FLAT, body)).toEqual([
      { providerMessageId: 'gw-1', state: 'failed', error: 'FAILED' },
      { providerMessageId: 'gw-2', state: 'delivered' },
    ]);
  });

  it('matches numeric status codes', () => {
    expect(read({ ...FLAT, delivered: [3], failed: [5] }, { id: 'gw-1', status: 3 })).toEqual([
      { providerMessageId: 'gw-1', state: 'delivered' },
    ]);
  });

  it('never records the phone number a gateway echoes in its reason', () => {
    const [receipt] = read(FLAT, {
      id: 'gw-1',
      status: 'FAILED',
      error: { description: 'number +49 170 1234 5678 is\nnot reachable (code 30003)' },
    });
    expect(receipt?.error).toBe('FAILED: number [phone] is not reachable (code 30003)');
  });
});

describe('a body that cannot be read is refused whole', () => {
  it.each([
    ['not JSON', '{"id": "gw-1", "status": '],
    ['no message id', [{ id: 'gw-1', status: 'DELIVERED' }, { status: 'DELIVERED' }]],
    ['an empty message id', { id: '', status: 'DELIVERED' }],
    ['a message id that is an object', { id: { value: 'gw-1' }, status: 'DELIVERED' }],
    ['no status', { id: 'gw-1' }],
    ['null', 'null'],
  ])('%s', (_case, body) => {
    expect(() => read(FLAT, body)).toThrow(ReceiptRefusedError);
    expect(() => read(FLAT, body)).toThrow(expect.objectContaining({ reason: 'body' }));
  });

  it('no list at itemsPath', () => {
    expect(() => read({ ...FLAT, itemsPath: 'results' }, { results: { id: 'gw-1' } })).toThrow(
      'no list of receipts at results',
    );
  });
});

it('refuses a configuration where one status means both delivered and failed', () => {
  expect(() => mapping({ ...FLAT, failed: ['DELIVERED'] })).toThrow(/cannot mean both delivered and failed/);
});
