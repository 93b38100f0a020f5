import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderMessage } from '../../src/delivery/provider.js';
import type { DeliveryReceipt, SmppProvider } from '../../src/delivery/smpp/index.js';
import { createSmppProvider } from '../../src/delivery/smpp/index.js';
import type { TestSmsc } from './smpp-test-smsc.js';
import {
  commandStatus,
  PASSWORD,
  silentLogger,
  startTestSmsc,
  submitted,
  SYSTEM_ID,
  testConfig,
} from './smpp-test-smsc.js';

function sms(body: string, sender?: string): ProviderMessage {
  return { to: '+41791234567', channel: 'sms', body, sentAt: 0, sessionId: 's1', idempotencyKey: 'k1', sender };
}

describe('SMPP provider against an SMSC on 127.0.0.1', () => {
  let smsc: TestSmsc;
  let provider: SmppProvider;
  let receipts: DeliveryReceipt[];

  function connect(password = PASSWORD): SmppProvider {
    provider = createSmppProvider(testConfig(smsc.port), {
      password,
      logger: silentLogger,
      onReceipt: (receipt) => receipts.push(receipt),
    });
    return provider;
  }

  beforeEach(async () => {
    smsc = await startTestSmsc();
    receipts = [];
  });
  afterEach(async () => {
    await provider.close();
    await smsc.close();
  });

  it('binds as a transceiver with its system id and password on the first send, not before', async () => {
    connect();
    expect(smsc.binds).toHaveLength(0);
    await connect().send(sms('Your code is 123456'));
    expect(smsc.binds).toHaveLength(1);
    expect(smsc.binds[0]).toMatchObject({ command: 'bind_transceiver', system_id: SYSTEM_ID, password: PASSWORD });
  });

  it('says the SMSC refused the bind when the password is wrong', async () => {
    await expect(connect('wrong').send(sms('Your code is 123456'))).rejects.toThrow(
      /refused to bind acme-shop as a transceiver: ESME_RINVPASWD/,
    );
    expect(smsc.submits).toHaveLength(0);
  });

  it('sends a GSM-7 text from the brand’s sender id, € and braces as escape sequences, to the number without +', async () => {
    const body = 'Code 123456 for your order @ Café Zürich: 12€ {ok} [x] ~ £';
    const { providerMessageId } = await connect().send(sms(body, 'CafeZurich'));
    expect(providerMessageId).toBe('msg-1');
    const [pdu] = smsc.submits;
    expect(pdu).toMatchObject({
      source_addr_ton: 5,
      source_addr_npi: 0,
      source_addr: 'CafeZurich',
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      destination_addr: '41791234567',
      data_coding: 0,
      esm_class: 0,
      registered_delivery: 1,
    });
    expect(submitted(pdu)).toEqual({ text: body });
  });

  it('sends from the configured default sender when the brand has none', async () => {
    await connect().send(sms('Your code is 123456'));
    expect(smsc.submits[0]).toMatchObject({ source_addr_ton: 5, source_addr: 'ACME' });
  });

  it('sends an Arabic text as UCS-2', async () => {
    const body = 'رمز التحقق الخاص بك هو 123456';
    await connect().send(sms(body));
    expect(smsc.submits[0]).toMatchObject({ data_coding: 8, esm_class: 0 });
    expect(submitted(smsc.submits[0])).toEqual({ text: body });
  });

  it('sends a long text as three concatenated parts the SMSC reassembles into the exact text', async () => {
    const body = `${'Your order at ACME needs one more step. '.repeat(9)}Code: 123456 €.`;
    const { providerMessageId } = await connect().send(sms(body));
    expect(smsc.submits).toHaveLength(3);
    const parts = smsc.submits.map((pdu) => ({ esmClass: pdu.esm_class, ...submitted(pdu) }));
    const [reference] = parts.map((part) => part.concatenation?.reference);
    expect(parts.map(({ esmClass, concatenation }) => ({ esmClass, concatenation }))).toEqual(
      [1, 2, 3].map((part) => ({ esmClass: 0x40, concatenation: { reference, total: 3, part } })),
    );
    expect(parts.map((part) => part.text).join('')).toBe(body);
    expect(providerMessageId).toBe('msg-1');
  });

  it('gives each message its own concatenation reference', async () => {
    const body = 'x'.repeat(200);
    await connect().send(sms(body));
    await provider.send(sms(body));
    const references = smsc.submits.map((pdu) => submitted(pdu).concatenation?.reference);
    expect(references[0]).toBe(references[1]);
    expect(references[2]).not.toBe(references[0]);
  });

  it('waits out ESME_RTHROTTLED and resubmits', async () => {
    smsc.submitStatuses.push(commandStatus('ESME_RTHROTTLED'), commandStatus('ESME_RTHROTTLED'));
    await expect(connect().send(sms('Your code is 123456'))).resolves.toEqual({ providerMessageId: 'msg-1' });
    expect(smsc.submits).toHaveLength(3);
  });

  it('gives up on throttling at the submit timeout, and names any other refusal', async () => {
    smsc.submitStatuses.push(...Array<number>(500).fill(commandStatus('ESME_RTHROTTLED')));
    provider = createSmppProvider(testConfig(smsc.port, { submitTimeoutMs: 1_500 }), {
      password: PASSWORD,
      logger: silentLogger,
      onReceipt: () => undefined,
    });
    await expect(provider.send(sms('Your code is 123456'))).rejects.toThrow(/ESME_RTHROTTLED/);
    smsc.submitStatuses.splice(0, Infinity, commandStatus('ESME_RINVDSTADR'));
    await expect(provider.send(sms('Your code is 123456'))).rejects.toThrow(/refused submit_sm: ESME_RINVDSTADR/);
  });

  it('turns a delivery receipt into a delivery event and answers it', async () => {
    await connect().send(sms('Your code is 123456'));
    const status = await smsc.deliver({
      esm_class: 0x04,
      short_message:
        'id:msg-1 sub:001 dlvrd:001 submit date:2611221005 done date:2611221006 stat:DELIVRD err:000 text:',
    });
    expect(status).toBe(0);
    expect(receipts).toEqual([{ providerMessageId: 'msg-1', state: 'delivered' }]);
  });

  it('reports a concatenated message delivered once every part is, under the first part’s id', async () => {
    await connect().send(sms('x'.repeat(400)));
    const receipt = (id: string, stat: string) => ({ esm_class: 0x04, short_message: `id:${id} stat:${stat} err:000` });
    await smsc.deliver(receipt('msg-3', 'DELIVRD'));
    await smsc.deliver(receipt('msg-1', 'DELIVRD'));
    expect(receipts).toEqual([]);
    await smsc.deliver(receipt('msg-2', 'DELIVRD'));
    expect(receipts).toEqual([{ providerMessageId: 'msg-1', state: 'delivered' }]);
  });

  it('reports an undelivered message as failed with the SMSC’s error', async () => {
    await connect().send(sms('Your code is 123456'));
    await smsc.deliver({ esm_class: 0x04, short_message: 'id:msg-1 stat:UNDELIV err:034' });
    expect(receipts).toEqual([{ providerMessageId: 'msg-1', state: 'failed', error: 'UNDELIV err:034' }]);
  });

  it('unbinds on close', async () => {
    await connect().send(sms('Your code is 123456'));
    await provider.close();
    expect(smsc.received.at(-1)).toBe('unbind');
    await expect(provider.send(sms('Your code is 123456'))).rejects.toThrow(/closed/);
  });
});
