import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SmppProvider } from '../../src/delivery/smpp/index.js';
import { createSmppProvider } from '../../src/delivery/smpp/index.js';
import type { TestSmsc } from './smpp-test-smsc.js';
import { PASSWORD, silentLogger, startTestSmsc, TEST_SMS, testConfig } from './smpp-test-smsc.js';

describe('SMPP session', () => {
  let smsc: TestSmsc;
  let provider: SmppProvider;

  beforeEach(async () => {
    smsc = await startTestSmsc();
    provider = createSmppProvider(testConfig(smsc.port, { enquireLinkSeconds: 0.05 }), {
      password: PASSWORD,
      logger: silentLogger,
      onReceipt: () => undefined,
    });
  });
  afterEach(async () => {
    await provider.close();
    await smsc.close();
  });

  it('keeps the bind alive with enquire_link', async () => {
    await provider.send(TEST_SMS);
    await expect.poll(() => smsc.received.filter((command) => command === 'enquire_link').length).toBeGreaterThan(2);
  });

  it('binds again after the SMSC drops the connection; a send meanwhile waits for the bind and succeeds', async () => {
    const logs: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => logs.push(line) });
    const config = testConfig(smsc.port, { reconnect: { initialMs: 300, maxMs: 300 } });
    const slowToReconnect = createSmppProvider(config, { password: PASSWORD, logger, onReceipt: () => undefined });
    await slowToReconnect.send(TEST_SMS);
    smsc.dropConnections();
    await expect.poll(() => logs.some((line) => line.includes('connection dropped'))).toBe(true);
    expect(smsc.binds).toHaveLength(1);
    await expect(slowToReconnect.send(TEST_SMS)).resolves.toEqual({ providerMessageId: 'msg-2' });
    expect(smsc.binds).toHaveLength(2);
    await slowToReconnect.close();
  });

  it('binds again in the background, before anything is sent', async () => {
    await provider.send(TEST_SMS);
    smsc.dropConnections();
    await expect.poll(() => smsc.binds.length).toBe(2);
  });
});
