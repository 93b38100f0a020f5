import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MessageProvider } from '../../src/delivery/provider.js';
import type { DeliveryReceipt } from '../../src/delivery/receipt.js';
import { smppType } from '../../src/delivery/smpp/provider-type.js';
import type { TestSmsc } from './smpp-test-smsc.js';
import { PASSWORD, platformSmscEntry, startTestSmsc } from './smpp-test-smsc.js';

let smsc: TestSmsc;
let provider: MessageProvider;
const sunk: [string, DeliveryReceipt][] = [];
const logged: string[] = [];

beforeAll(async () => {
  smsc = await startTestSmsc();
  const create = smppType.parse(platformSmscEntry(smsc.port));
  const log = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString('utf8'));
      done();
    },
  });
  provider = create('acme-smsc', {
    env: { ACME_SMPP_PASSWORD: PASSWORD },
    logger: pino(log),
    receipts: (name, receipt) => sunk.push([name, receipt]),
  });
});
afterAll(async () => {
  await provider.close?.();
  await smsc.close();
});

it('hands the SMSC’s delivery receipts to the receipt sink under the provider’s configured name', async () => {
  const { providerMessageId } = await provider.send({
    to: '+41791234567',
    channel: 'sms',
    body: 'Acme Mobile: 482913 is your code.',
    sentAt: 0,
    sessionId: 's1',
    idempotencyKey: 'k1',
  });
  await smsc.deliver({
    esm_class: 0x04,
    short_message: `id:${providerMessageId} sub:001 dlvrd:000 stat:UNDELIV err:034 text:Acme Mobile: 482913 is`,
  });
  expect(sunk).toEqual([['acme-smsc', { providerMessageId, state: 'failed', error: 'UNDELIV err:034' }]]);
  // The log names the message and its state, never the receipt's text, which echoes the code.
  const log = logged.join('');
  expect(log).toContain(providerMessageId);
  expect(log).toContain('"state":"failed"');
  expect(log).not.toContain('482913');
});
