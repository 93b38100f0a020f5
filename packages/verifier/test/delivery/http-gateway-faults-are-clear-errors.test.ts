import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGatewayConfigSchema } from '../../src/delivery/http-gateway/config-schema.js';
import { HttpGatewayError } from '../../src/delivery/http-gateway/gateway-error.js';
import { httpGatewayProvider } from '../../src/delivery/http-gateway/http-gateway-provider.js';
import type { ProviderMessage } from '../../src/delivery/provider.js';
import type { GatewayBehaviour, TestGateway } from './http-gateway-test-server.js';
import { acceptWithId, answer, closedGatewayUrl, neverAnswer, startTestGateway } from './http-gateway-test-server.js';

const TOKEN = 'tok_live_9f8e7d6c5b4a';
const PHONE = '+4917012345678';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());

const message: ProviderMessage = {
  to: PHONE,
  channel: 'sms',
  body: 'Acme Mobile: 123456 is your code.',
  sentAt: 0,
  sessionId: 'ses_abc',
  idempotencyKey: 'msg_k1',
};

function provider(url = `${gateway.url}/v1/sms`) {
  const config = httpGatewayConfigSchema.parse({
    type: 'http',
    url,
    auth: { type: 'bearer', secretEnv: 'ACME_SMS_TOKEN' },
    json: { to: '{to}', text: '{text}' },
    response: { messageIdPath: 'messages.0.id', errorPath: 'error.message' },
    timeoutMs: 500,
  });
  return httpGatewayProvider('acme-sms', config, { ACME_SMS_TOKEN: TOKEN });
}

/** The error a send through a gateway behaving so throws; it never carries the number or the token. */
async function failure(behaviour: GatewayBehaviour): Promise<Error> {
  gateway.behave(behaviour);
  return failureAt();
}

async function failureAt(url?: string): Promise<Error> {
  const error = await provider(url)
    .send(message)
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(HttpGatewayError);
  const text = (error as Error).message;
  expect(text).not.toContain(TOKEN);
  expect(text.replace(/\D/g, '')).not.toContain('17012345678');
  return error as Error;
}

describe('a failing HTTP gateway gives a clear error and no secret or number', () => {
  it('times out a gateway that never answers', async () => {
    expect((await failure(neverAnswer)).message).toBe('HTTP gateway "acme-sms" did not answer within 500 ms');
  });

  it.each([500, 503])('reports HTTP %i', async (status) => {
    expect((await failure(answer(status, '<h1>Service Unavailable</h1>', 'text/html'))).message).toBe(
      `HTTP gateway "acme-sms" answered HTTP ${status}`,
    );
  });

  it('quotes the gateway’s reason from errorPath with the number and the token blanked out', async () => {
    const reason = `number ${PHONE} (4917012345678, 0170 1234 5678) refused for key ${TOKEN}; Bearer ${TOKEN}`;
    const error = await failure(answer(400, JSON.stringify({ error: { message: reason } })));
    expect(error.message).toBe(
      'HTTP gateway "acme-sms" answered HTTP 400: "number [phone] ([phone], [phone]) refused for key [secret]; [secret]"',
    );
  });

  it.each([
    ['HTML', '<html><body>OK</body></html>'],
    ['broken JSON', '{"messages": [{"id": "gw-'],
  ])('refuses a 200 answer with %s', async (_kind, body) => {
    expect((await failure(answer(200, body))).message).toBe(
      'HTTP gateway "acme-sms" answered HTTP 200 with a body that is not JSON',
    );
  });

  it.each([
    ['no messages', { status: 'queued' }],
    ['an empty list', { messages: [] }],
    ['an id that is not a string', { messages: [{ id: { value: 1 } }] }],
  ])('refuses a 200 answer with %s', async (_kind, body) => {
    expect((await failure(answer(200, JSON.stringify(body)))).message).toBe(
      'HTTP gateway "acme-sms" answered HTTP 200 without a message id at messages.0.id',
    );
  });

  it('reports a gateway that refuses the connection', async () => {
    expect((await failureAt(`${await closedGatewayUrl()}/v1/sms`)).message).toBe(
      'HTTP gateway "acme-sms" could not be reached (ECONNREFUSED)',
    );
  });

  it('does not follow a redirect (it would carry the request and its credentials elsewhere)', async () => {
    const error = await failure((request, response) => {
      if (request.url === '/elsewhere') return acceptWithId('gw-redirected')(request, response);
      response.writeHead(307, { location: '/elsewhere' });
      response.end();
    });
    expect(error.message).toBe('HTTP gateway "acme-sms" answered HTTP 307');
  });
});
