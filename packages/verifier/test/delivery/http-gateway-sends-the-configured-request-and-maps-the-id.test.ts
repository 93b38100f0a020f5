import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpGatewayConfigSchema } from '../../src/delivery/http-gateway/config-schema.js';
import { httpGatewayProvider } from '../../src/delivery/http-gateway/http-gateway-provider.js';
import type { ProviderMessage } from '../../src/delivery/provider.js';
import type { TestGateway } from './http-gateway-test-server.js';
import { acceptWithId, startTestGateway } from './http-gateway-test-server.js';

const TOKEN = 'tok_live_9f8e7d6c5b4a';
const ENV = { ACME_SMS_TOKEN: TOKEN };

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());
beforeEach(() => {
  gateway.received.length = 0;
  gateway.behave(acceptWithId('gw-1'));
});

function provider(config: Record<string, unknown>) {
  return httpGatewayProvider(
    'acme-sms',
    httpGatewayConfigSchema.parse({ type: 'http', url: `${gateway.url}/v1/sms?account=acme`, ...config }),
    ENV,
  );
}

function message(overrides: Partial<ProviderMessage> = {}): ProviderMessage {
  return {
    to: '+4917012345678',
    channel: 'sms',
    body: 'Acme Mobile: 123456 is your code for 49.99 €.\n\n@shop.acme.test #123456',
    sentAt: 0,
    sessionId: 'ses_abc',
    sender: 'AcmeMobile',
    idempotencyKey: 'msg_k1',
    ...overrides,
  };
}

const jsonGateway = {
  headers: { 'X-Account': 'acme-eu' },
  auth: { type: 'bearer', secretEnv: 'ACME_SMS_TOKEN' },
  idempotencyKeyHeader: 'Idempotency-Key',
  json: { from: '{sender}', to: '{to}', text: '{text}', reference: 'otp/{sessionId}' },
  response: { messageIdPath: 'messages.0.id' },
};

describe('the HTTP gateway provider sends the request its configuration describes', () => {
  it('POSTs the JSON body with auth, idempotency key and headers, and returns the gateway’s message id', async () => {
    const sent = await provider(jsonGateway).send(message());
    expect(sent).toEqual({ providerMessageId: 'gw-1' });
    const [request] = gateway.received;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/sms?account=acme' });
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'idempotency-key': 'msg_k1',
      'x-account': 'acme-eu',
      'content-type': 'application/json',
    });
    expect(JSON.parse(request?.body ?? '')).toEqual({
      from: 'AcmeMobile',
      to: '+4917012345678',
      text: message().body,
      reference: 'otp/ses_abc',
    });
  });

  it('keeps a text with quotes, backslashes, newlines and unicode inside its JSON string', async () => {
    const text = 'He said "hi"\\n\n\t"}, "to": "+19999999999", "x": "{to}" — Grüße 😀 \u2028 end';
    await provider(jsonGateway).send(message({ body: text }));
    const body = JSON.parse(gateway.received[0]?.body ?? '') as Record<string, unknown>;
    expect(body.text).toBe(text);
    expect(body.to).toBe('+4917012345678');
    expect(Object.keys(body).sort()).toEqual(['from', 'reference', 'text', 'to']);
  });

  it('leaves out a field that is only {sender} when the brand has no sender id (the gateway’s default)', async () => {
    await provider(jsonGateway).send(message({ sender: undefined }));
    expect(JSON.parse(gateway.received[0]?.body ?? '')).not.toHaveProperty('from');
  });

  it('sends form fields, form-encoded, with basic auth; a text with & and = stays one field', async () => {
    const text = 'Code 1 & to=+19999999999&sender=Evil = done';
    await provider({
      auth: { type: 'basic', username: 'acme', secretEnv: 'ACME_SMS_TOKEN' },
      form: { To: '{to}', From: '{sender}', Body: '{text}' },
      response: { messageIdPath: 'messages.0.id' },
    }).send(message({ body: text }));
    const [request] = gateway.received;
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`acme:${TOKEN}`).toString('base64')}`);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(request?.body)]).toEqual([
      ['To', '+4917012345678'],
      ['From', 'AcmeMobile'],
      ['Body', text],
    ]);
  });

  it('sends a GET with the fields in the query string and the secret in a named header', async () => {
    await provider({
      method: 'GET',
      auth: { type: 'header', name: 'X-Api-Key', secretEnv: 'ACME_SMS_TOKEN' },
      form: { to: '{to}', text: '{text}' },
      response: { messageIdPath: 'messages.0.id' },
    }).send(message({ body: 'a+b #1' }));
    const [request] = gateway.received;
    expect(request?.method).toBe('GET');
    expect(request?.headers['x-api-key']).toBe(TOKEN);
    const query = new URL(request?.url ?? '', gateway.url).searchParams;
    expect([...query]).toEqual([
      ['account', 'acme'],
      ['to', '+4917012345678'],
      ['text', 'a+b #1'],
    ]);
    expect(request?.body).toBe('');
  });

  it('maps a numeric id and a custom success status', async () => {
    gateway.behave(acceptWithId(81234, 200));
    const sent = await provider({
      ...jsonGateway,
      response: { messageIdPath: 'messages.0.id', successStatuses: [200] },
    }).send(message());
    expect(sent).toEqual({ providerMessageId: '81234' });
  });
});
