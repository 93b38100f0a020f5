import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderMessage } from '../../src/delivery/provider.js';
import type { SmppProvider } from '../../src/delivery/smpp/index.js';
import { createSmppProvider } from '../../src/delivery/smpp/index.js';
import type { TestSmsc } from './smpp-test-smsc.js';
import { PASSWORD, silentLogger, startTestSmsc, testConfig } from './smpp-test-smsc.js';

const message: ProviderMessage = {
  to: '+41791234567',
  channel: 'sms',
  body: 'Your code is 123456',
  sentAt: 0,
  sessionId: 's1',
  idempotencyKey: 'k1',
};

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
    await provider.send(message);
    await expect.poll(() => smsc.received.filter((command) => command === 'enquire_link').length).toBeGreaterThan(2);
  });

  it('binds again after the SMSC drops the connection; a send meanwhile waits for the bind and succeeds', async () => {
    const logs: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => logs.push(line) });
    const config = testConfig(smsc.port, { reconnect: { initialMs: 300, maxMs: 300 } });
    const slowToReconnect = createSmppProvider(config, { password: PASSWORD, logger, onReceipt: () => undefined });
    await slowToReconnect.send(message);
    smsc.dropConnections();
    await expect.poll(() => logs.some((line) => line.includes('connection dropped'))).toBe(true);
    expect(smsc.binds).toHaveLength(1);
    await expect(slowToReconnect.send(message)).resolves.toEqual({ providerMessageId: 'msg-2' });
    expect(smsc.binds).toHaveLength(2);
    await slowToReconnect.close();
  });

  it('binds again in the background, before anything is sent', async () => {
    await provider.send(message);
    smsc.dropConnections();
    await expect.poll(() => smsc.binds.length).toBe(2);
  });
});
