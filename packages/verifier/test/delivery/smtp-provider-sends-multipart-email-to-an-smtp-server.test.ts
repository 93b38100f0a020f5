import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageProvider } from '../../src/delivery/provider.js';
import { DeliveryFailure } from '../../src/delivery/provider.js';
import { createSmtpProvider } from '../../src/delivery/smtp/smtp-provider.js';
import { decodeWords, multipartParts, parseEntity } from './smtp-test-mime.js';
import type { TestSmtpServer } from './smtp-test-server.js';
import { email, FROM, PASSWORD, startTestSmtpServer, testConfig, USER } from './smtp-test-server.js';

describe('SMTP provider against an SMTP server on 127.0.0.1', () => {
  let server: TestSmtpServer;
  let provider: MessageProvider;

  beforeEach(async () => {
    server = await startTestSmtpServer();
    provider = createSmtpProvider('acme-mail', testConfig(server.port));
  });
  afterEach(async () => {
    await provider.close?.();
    await server.close();
  });

  it('sends from the configured address to the customer, the brand’s name in From, the subject in UTF-8', async () => {
    await provider.send(email());
    const [mail] = server.received;
    expect(mail).toMatchObject({ from: FROM, to: ['customer@example.com'] });
    const { headers } = parseEntity(mail?.raw ?? '');
    expect(decodeWords(headers.get('from') ?? '')).toBe(`Noor "Mobile" نور <${FROM}>`);
    expect(headers.get('to')).toBe('customer@example.com');
    expect(decodeWords(headers.get('subject') ?? '')).toBe('Dein Bestätigungscode für Noor');
  });

  it('quotes a display name with address syntax in it, so From names one mailbox: the configured one', async () => {
    await provider.send(email({ sender: 'Acme, Inc. <ceo@evil.example>' }));
    const { headers } = parseEntity(server.received[0]?.raw ?? '');
    expect(headers.get('from')).toBe(`"Acme, Inc. <ceo@evil.example>" <${FROM}>`);
    expect(server.received[0]?.from).toBe(FROM);
  });

  it('takes an address with a list in it as one (invalid) mailbox: refused, and nobody is sent the code', async () => {
    const failure = await provider
      .send(email({ to: 'customer@example.com, thief@evil.example' }))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ rejected: true });
    expect(server.received).toEqual([]);
  });

  it('sends multipart/alternative with exactly the text and the HTML parts', async () => {
    const message = email();
    await provider.send(message);
    const entity = parseEntity(server.received[0]?.raw ?? '');
    expect(entity.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    expect(multipartParts(entity)).toEqual([
      { contentType: 'text/plain; charset=utf-8', text: message.body },
      { contentType: 'text/html; charset=utf-8', text: message.html },
    ]);
  });

  it('gives every attempt at a message the same Message-ID, and another message another', async () => {
    await provider.send(email());
    await provider.send(email());
    await provider.send(email({ idempotencyKey: 'msg_k2' }));
    const messageIds = server.received.map((mail) => parseEntity(mail.raw).headers.get('message-id'));
    expect(messageIds[0]).toMatch(/^<[^<>@\s]+@acme\.example>$/);
    expect(messageIds[1]).toBe(messageIds[0]);
    expect(messageIds[2]).not.toBe(messageIds[0]);
  });

  it('returns the server’s queue id when its reply names one, else the Message-ID', async () => {
    const { providerMessageId: withoutQueueId } = await provider.send(email());
    expect(withoutQueueId).toBe(parseEntity(server.received[0]?.raw ?? '').headers.get('message-id'));
    server.acceptedText = 'Ok: queued as 4XkQ2b1Zq9';
    expect(await provider.send(email())).toEqual({ providerMessageId: '4XkQ2b1Zq9' });
  });

  it('refuses an SMS as a message it cannot take, without connecting', async () => {
    const sms = { ...email(), channel: 'sms' as const, to: '+41791234567' };
    const failure = await provider.send(sms).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(failure).toMatchObject({ rejected: true, message: 'SMTP provider "acme-mail" sends email only, not sms' });
    expect(server.connections).toBe(0);
  });
});

describe('SMTP provider logging in and pooling', () => {
  let server: TestSmtpServer;
  afterEach(() => server.close());

  it.each(['PLAIN', 'LOGIN'] as const)('logs in with AUTH %s before sending', async (method) => {
    server = await startTestSmtpServer({ auth: method });
    const provider = createSmtpProvider(
      'acme-mail',
      testConfig(server.port, { user: USER, passwordEnv: 'X' }),
      PASSWORD,
    );
    await provider.send(email());
    await provider.close?.();
    expect(server.logins).toEqual([{ method, accepted: true }]);
    expect(server.received).toHaveLength(1);
  });

  it('sends several messages over one pooled connection', async () => {
    server = await startTestSmtpServer();
    const provider = createSmtpProvider('acme-mail', testConfig(server.port, { pool: 1 }));
    await provider.send(email());
    await provider.send(email({ idempotencyKey: 'msg_k2' }));
    await provider.close?.();
    expect(server.received).toHaveLength(2);
    expect(server.connections).toBe(1);
  });
});
