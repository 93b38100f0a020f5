import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGatewayConfigSchema } from '../../src/delivery/http-gateway/config-schema.js';
import { HttpGatewayError } from '../../src/delivery/http-gateway/gateway-error.js';
import { httpGatewayProvider } from '../../src/delivery/http-gateway/http-gateway-provider.js';
import type { MessageProvider, ProviderMessage, SendOptions } from '../../src/delivery/provider.js';
import { DeliveryFailure } from '../../src/delivery/provider.js';
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

function provider(url = `${gateway.url}/v1/sms`, changes: { rejectedStatuses?: number[]; timeoutMs?: number } = {}) {
  const { rejectedStatuses, timeoutMs = 500 } = changes;
  const config = httpGatewayConfigSchema.parse({
    type: 'http',
    url,
    auth: { type: 'bearer', secretEnv: 'ACME_SMS_TOKEN' },
    json: { to: '{to}', text: '{text}' },
    response: { messageIdPath: 'messages.0.id', errorPath: 'error.message', rejectedStatuses },
    timeoutMs,
  });
  return httpGatewayProvider('acme-sms', config, { ACME_SMS_TOKEN: TOKEN });
}

/** The error a send through a gateway behaving so throws; it never carries the number or the token. */
async function failure(behaviour: GatewayBehaviour, gatewayProvider = provider()): Promise<HttpGatewayError> {
  gateway.behave(behaviour);
  return failureOf(gatewayProvider);
}

async function failureAt(url?: string): Promise<HttpGatewayError> {
  return failureOf(provider(url));
}

async function failureOf(gatewayProvider: MessageProvider, options?: SendOptions): Promise<HttpGatewayError> {
  const error = await gatewayProvider.send(message, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HttpGatewayError);
  const text = (error as Error).message;
  expect(text).not.toContain(TOKEN);
  expect(text.replace(/\D/g, '')).not.toContain('17012345678');
  return error as HttpGatewayError;
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

describe('a failure says whether the gateway refused the message itself or is at fault', () => {
  it.each([400, 409, 410, 413, 422])('HTTP %i refuses the message: another try there is pointless', async (status) => {
    const error = await failure(answer(status, '{"error":{"message":"invalid destination"}}'));
    expect(error).toBeInstanceOf(DeliveryFailure);
    expect(error.rejected).toBe(true);
  });

  it.each([
    [401, 'the credentials are wrong'],
    [402, 'the account has no credit'],
    [403, 'the account may not send'],
    [404, 'the URL is wrong'],
    [405, 'the method is wrong'],
    [407, 'a proxy wants credentials'],
    [408, 'the gateway timed out'],
    [429, 'the gateway is throttling'],
    [500, 'the gateway failed'],
    [503, 'the gateway is down'],
    [307, 'a redirect'],
  ])('HTTP %i counts against the gateway (%s)', async (status) => {
    expect((await failure(answer(status, '{}'))).rejected).toBe(false);
  });

  it('a timeout, a refused connection and a malformed answer count against the gateway', async () => {
    expect((await failure(neverAnswer)).rejected).toBe(false);
    expect((await failureAt(`${await closedGatewayUrl()}/v1/sms`)).rejected).toBe(false);
    expect((await failure(answer(200, '<html>OK</html>'))).rejected).toBe(false);
    expect((await failure(answer(200, '{"status":"queued"}'))).rejected).toBe(false);
  });

  it('follows response.rejectedStatuses when the configuration lists them', async () => {
    const listing = provider(undefined, { rejectedStatuses: [400, 500] });
    expect((await failure(answer(500, '{}'), listing)).rejected).toBe(true);
    expect((await failure(answer(400, '{}'), listing)).rejected).toBe(true);
    expect((await failure(answer(422, '{}'), listing)).rejected).toBe(false);
  });
});

describe('the outbox’s signal ends an attempt', () => {
  it('stops waiting for a gateway that does not answer when the signal aborts, well before its own timeout', async () => {
    gateway.behave(neverAnswer);
    const error = await failureOf(provider(undefined, { timeoutMs: 30_000 }), { signal: AbortSignal.timeout(50) });
    expect(error.message).toBe('HTTP gateway "acme-sms" was not waited for: the attempt was cancelled');
    expect(error.rejected).toBe(false);
  });

  it('sends nothing when the attempt was cancelled before it started', async () => {
    gateway.behave(acceptWithId('gw-late'));
    const before = gateway.received.length;
    await failureOf(provider(), { signal: AbortSignal.abort() });
    expect(gateway.received).toHaveLength(before);
  });
});
