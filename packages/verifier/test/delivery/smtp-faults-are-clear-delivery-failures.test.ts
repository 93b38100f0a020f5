import { afterEach, describe, expect, it } from 'vitest';
import type { MessageProvider } from '../../src/delivery/provider.js';
import { DeliveryFailure } from '../../src/delivery/provider.js';
import { createSmtpProvider } from '../../src/delivery/smtp/smtp-provider.js';
import type { SilentServer, TestSmtpServer } from './smtp-test-server.js';
import {
  closedPort,
  CODE,
  email,
  startSilentServer,
  startTestSmtpServer,
  testConfig,
  USER,
} from './smtp-test-server.js';

/** The failure of one send, which must be a DeliveryFailure. */
async function failureOf(provider: MessageProvider, signal?: AbortSignal): Promise<DeliveryFailure> {
  const outcome = await provider.send(email(), { signal }).catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(DeliveryFailure);
  return outcome as DeliveryFailure;
}

describe('SMTP faults are delivery failures that say what happened, without the address or the code', () => {
  let server: TestSmtpServer | SilentServer | undefined;
  let provider: MessageProvider | undefined;
  afterEach(async () => {
    await provider?.close?.();
    await server?.close();
    provider = server = undefined;
  });

  async function providerFor(options: Parameters<typeof startTestSmtpServer>[0] = {}, config = {}, password?: string) {
    const smtp = await startTestSmtpServer(options);
    server = smtp;
    provider = createSmtpProvider('acme-mail', testConfig(smtp.port, config), password);
    return { smtp, provider };
  }

  it('a 550 for the recipient rejects the message, quoting the reply with the address taken out', async () => {
    const { smtp, provider } = await providerFor();
    smtp.rcptReplies.push({ code: 550, text: '5.1.1 <Customer@EXAMPLE.com>: mailbox unavailable' });
    const failure = await failureOf(provider);
    expect(failure.rejected).toBe(true);
    expect(failure.message).toBe(
      'SMTP provider "acme-mail" answered RCPT TO with 550: "550 5.1.1 <[address]>: mailbox unavailable"',
    );
  });

  it('a 554 after the message rejects it, the code it echoes taken out', async () => {
    const { smtp, provider } = await providerFor();
    smtp.dataReplies.push({ code: 554, text: `5.7.1 content ${CODE} looks like spam` });
    const failure = await failureOf(provider);
    expect(failure.rejected).toBe(true);
    expect(failure.message).toBe(
      'SMTP provider "acme-mail" answered DATA with 554: "554 5.7.1 content [code] looks like spam"',
    );
  });

  it.each([421, 450, 451, 452])('a %i for the recipient is the provider’s fault, not the message’s', async (code) => {
    const { smtp, provider } = await providerFor();
    smtp.rcptReplies.push({ code, text: '4.3.0 try again later' });
    const failure = await failureOf(provider);
    expect(failure.rejected).toBe(false);
    expect(failure.message).toContain(` with ${code}: "${code} 4.3.0 try again later"`);
  });

  it('a wrong password is the provider’s fault, and nothing is sent', async () => {
    const { smtp, provider } = await providerFor({ auth: 'PLAIN' }, { user: USER, passwordEnv: 'X' }, 'wrong');
    const failure = await failureOf(provider);
    expect(failure.rejected).toBe(false);
    expect(failure.message).toBe(
      'SMTP provider "acme-mail" answered AUTH PLAIN with 535: "535 Authentication credentials invalid"',
    );
    expect(smtp.logins).toEqual([{ method: 'PLAIN', accepted: false }]);
    expect(smtp.received).toEqual([]);
  });

  it('a server without STARTTLS gets nothing when STARTTLS is required: no fallback to plain text', async () => {
    const { smtp, provider } = await providerFor({}, { security: 'starttls' });
    const failure = await failureOf(provider);
    expect(failure.rejected).toBe(false);
    expect(failure.message).toMatch(/^SMTP provider "acme-mail" answered STARTTLS with 5\d\d: /);
    expect(smtp.received).toEqual([]);
  });

  it('a server whose certificate is not trusted gets nothing over TLS', async () => {
    const { smtp, provider } = await providerFor({ secure: true }, { security: 'tls' });
    const failure = await failureOf(provider);
    expect(failure.rejected).toBe(false);
    expect(failure.message).toMatch(/^SMTP provider "acme-mail" failed TLS \(/);
    expect(smtp.received).toEqual([]);
  });

  it('a server that is not there is the provider’s fault, and the error says so', async () => {
    provider = createSmtpProvider('acme-mail', testConfig(await closedPort()));
    const failure = await failureOf(provider);
    expect(failure).toMatchObject({
      rejected: false,
      message: 'SMTP provider "acme-mail" could not be reached (ECONNREFUSED)',
    });
  });

  it('a server that never greets fails the attempt within timeoutMs', async () => {
    const silent = await startSilentServer();
    server = silent;
    provider = createSmtpProvider('acme-mail', testConfig(silent.port, { timeoutMs: 300 }));
    const started = performance.now();
    const failure = await failureOf(provider);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(failure).toMatchObject({
      rejected: false,
      message: 'SMTP provider "acme-mail" did not answer within 300 ms',
    });
  });

  it('aborting the attempt ends it at once and closes its connection', async () => {
    const silent = await startSilentServer();
    server = silent;
    provider = createSmtpProvider('acme-mail', testConfig(silent.port, { timeoutMs: 10_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const failure = await failureOf(provider, controller.signal);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(failure).toMatchObject({
      rejected: false,
      message: 'SMTP provider "acme-mail" gave up: the attempt was aborted',
    });
    await expect.poll(() => silent.openConnections(), { timeout: 1000 }).toBe(0);
  });
});
