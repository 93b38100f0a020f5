/**
 * POST /v1/delivery-receipts/{provider} through the real verifier: a gateway's signed receipt reaches the outbox
 * (the message is delivered); every other request is refused with a problem and records nothing.
 *
 * Requirements: OWASP ASVS 5.0 V13.2.1 (backend communication is authenticated: hex HMAC-SHA256, RFC 2104, over
 * the timestamp and the raw body, fresh within 300 s); OWASP ASVS v4.0.3 13.1.5 / 13.2.5 (unexpected content
 * types refused with 415), 13.2.1 (other methods 405), 13.1.3-style size limits (64 KB); V16.5 (problem+json,
 * no detail that helps an attacker). Built in: src/http/routes/delivery-receipts.ts, src/http/app.ts (mounted
 * before CORS and the JSON parser), src/delivery/http-gateway/gateway-receipts.ts.
 */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { ErrorCode } from '@otp-verify/protocol';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVerifier } from '../../src/verifier.js';
import { startVerifier } from '../../src/verifier.js';
import type { TestGateway } from '../delivery/http-gateway-test-server.js';
import { acceptWithId, startTestGateway } from '../delivery/http-gateway-test-server.js';
import { ApiClient, createSession } from '../support/api.js';
import { ACME, PUBLIC_URL, uniqueMobile, writeTestBrandsDirectory } from '../support/brands.js';
import { expectProblem } from '../support/problem.js';
import type { RawResponse } from '../support/raw-http.js';
import { rawRequest } from '../support/raw-http.js';
import { tempDir } from '../support/temp-dir.js';
import type { SignedCallback } from './delivery-receipts-signing.js';
import { RECEIPTS_KEY, signedCallback } from './delivery-receipts-signing.js';

const PATH = '/v1/delivery-receipts/acme-sms';

let dir: ReturnType<typeof tempDir>;
let gateway: TestGateway;
let verifier: RunningVerifier;
const logged: string[] = [];

const gatewayConfig = (url: string) => ({
  type: 'http',
  url: `${url}/v1/messages`,
  json: { to: '{to}', text: '{text}' },
  response: { messageIdPath: 'messages.0.id' },
  timeoutMs: 1000,
});

beforeAll(async () => {
  dir = tempDir();
  gateway = await startTestGateway();
  const brands = writeTestBrandsDirectory(
    join(dir.path, 'brands'),
    (brand) => {
      if (brand.id === ACME.id) Object.assign(brand, { delivery: { sms: ['acme-sms'] } });
    },
    {
      providers: {
        'acme-sms': {
          ...gatewayConfig(gateway.url),
          receipts: {
            secretEnv: 'ACME_RECEIPTS_KEY',
            messageIdPath: 'id',
            statusPath: 'status',
            errorPath: 'reason',
            delivered: ['DELIVERED'],
            failed: ['FAILED'],
          },
        },
        'plain-sms': gatewayConfig(gateway.url),
      },
    },
  );
  verifier = await startVerifier({
    dataDir: join(dir.path, 'data'),
    brands,
    publicUrl: PUBLIC_URL,
    mode: 'dev',
    env: { ACME_RECEIPTS_KEY: RECEIPTS_KEY },
    logger: pino(
      { level: 'debug' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged.push(chunk.toString('utf8'));
          done();
        },
      }),
    ),
    keyPollIntervalMs: 0,
    host: '127.0.0.1',
    port: 0,
  });
});
afterAll(async () => {
  await verifier.stop();
  await gateway.close();
  dir.remove();
});

let gatewayIds = 0;

/** A code sent through the gateway; the outbox's message once the gateway has taken it. */
async function sentMessage() {
  const id = `gw-${++gatewayIds}`;
  gateway.behave(acceptWithId(id));
  const api = new ApiClient(verifier.url, ACME.origin);
  const session = await createSession(api, uniqueMobile());
  expect((await api.send(session.id, session.clientSecret)).status).toBe(202);
  await verifier.context.outbox.idle();
  const message = verifier.context.store.latestMessageOfSession(session.id);
  expect(message).toMatchObject({ state: 'sent', provider: 'acme-sms', providerMessageId: id });
  return { id: message?.id ?? '', providerMessageId: id };
}

const stateOf = (messageId: string) => verifier.context.store.findMessage(messageId)?.state;

const receiptBody = (providerMessageId: string, status = 'DELIVERED') =>
  JSON.stringify({ id: providerMessageId, status });

function post(callback: SignedCallback, headers: Record<string, string> = {}, path = PATH): Promise<RawResponse> {
  return rawRequest(verifier.url, {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', ...callback.headers, ...headers },
    body: callback.body,
  });
}

function expectRefused(response: RawResponse, code: ErrorCode) {
  return expectProblem({ ...response, headers: new Headers() }, code);
}

describe('a signed receipt from the gateway', () => {
  it('is recorded by the outbox: the message is delivered, and the gateway gets 204', async () => {
    const message = await sentMessage();
    const response = await post(signedCallback(receiptBody(message.providerMessageId)));
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(stateOf(message.id)).toBe('delivered');
  });

  it('may be up to 64 KB (a gateway batching receipts), beyond the API’s 16 KB', async () => {
    const message = await sentMessage();
    const body = JSON.stringify({ id: message.providerMessageId, status: 'DELIVERED', pad: 'x'.repeat(60 * 1024) });
    expect((await post(signedCallback(body))).status).toBe(204);
    expect(stateOf(message.id)).toBe('delivered');
  });

  it('records a failure with the gateway’s reason', async () => {
    const message = await sentMessage();
    const body = JSON.stringify({ id: message.providerMessageId, status: 'FAILED', reason: 'absent subscriber' });
    expect((await post(signedCallback(body))).status).toBe(204);
    expect(verifier.context.store.findMessage(message.id)).toMatchObject({ reason: 'FAILED: absent subscriber' });
  });
});

describe('everything else is refused and records nothing', () => {
  let message: { id: string; providerMessageId: string };
  let body: string;
  beforeAll(async () => {
    message = await sentMessage();
    body = receiptBody(message.providerMessageId);
  });

  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it.each<[string, () => SignedCallback]>([
    [
      'without a signature',
      () => ({ ...signedCallback(body), headers: { 'x-otp-verify-timestamp': String(nowSeconds()) } }),
    ],
    ['without a timestamp', () => ({ ...signedCallback(body), headers: { 'x-otp-verify-signature': 'a'.repeat(64) } })],
    ['signed with another key', () => signedCallback(body, { key: `${RECEIPTS_KEY.slice(0, -1)}0` })],
    [
      'with the signature of another body',
      () => ({ ...signedCallback(receiptBody('gw-other')), body: Buffer.from(body) }),
    ],
    ['replayed with an old timestamp (301 s)', () => signedCallback(body, { timestamp: nowSeconds() - 301 })],
    ['dated beyond the tolerance in the future', () => signedCallback(body, { timestamp: nowSeconds() + 301 })],
    [
      'with a signature of the wrong length',
      () => {
        const callback = signedCallback(body);
        const signature = callback.headers['x-otp-verify-signature'] ?? '';
        return { ...callback, headers: { ...callback.headers, 'x-otp-verify-signature': signature.slice(0, 62) } };
      },
    ],
  ])('401 invalid_signature %s, with a detail that says no more', async (_case, callback) => {
    const problem = expectRefused(await post(callback()), 'invalid_signature');
    expect(problem.detail).toBe('The signature is missing, wrong or too old.');
    expect(stateOf(message.id)).toBe('sent');
  });

  it('405 for GET (and other methods), naming POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await rawRequest(verifier.url, { method, path: PATH });
      expectRefused(response, 'method_not_allowed');
      expect(response.headers.allow).toBe('POST');
    }
  });

  it('415 for a signed body that is not application/json', async () => {
    expectRefused(await post(signedCallback(body), { 'content-type': 'text/plain' }), 'unsupported_media_type');
    expect(stateOf(message.id)).toBe('sent');
  });

  it('413 for a signed body of 65 KB', async () => {
    const large = JSON.stringify({ id: message.providerMessageId, status: 'DELIVERED', pad: 'x'.repeat(65 * 1024) });
    const problem = expectRefused(await post(signedCallback(large)), 'payload_too_large');
    expect(problem.detail).toBe('The body is larger than 64 KB.');
    expect(stateOf(message.id)).toBe('sent');
  });

  it('404 unknown_provider for a provider that does not exist, or takes no receipts', async () => {
    for (const name of ['nope', 'plain-sms', 'dev-inbox', '__proto__', 'constructor']) {
      const response = await post(signedCallback(body), {}, `/v1/delivery-receipts/${name}`);
      expectRefused(response, 'unknown_provider');
    }
    expect(stateOf(message.id)).toBe('sent');
  });

  it('400 invalid_request for a signed body that is not JSON, or has no message id', async () => {
    expectRefused(await post(signedCallback('{"id": ')), 'invalid_request');
    expectRefused(await post(signedCallback(JSON.stringify({ status: 'DELIVERED' }))), 'invalid_request');
    expect(stateOf(message.id)).toBe('sent');
  });

  it('is not open to browsers: no CORS preflight, no CORS headers, even from a brand’s page', async () => {
    const preflight = await rawRequest(verifier.url, {
      method: 'OPTIONS',
      path: PATH,
      headers: { origin: ACME.origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const response = await post(signedCallback('{"id": '), { origin: ACME.origin });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('logs why a callback was refused, for the operator, without its body', () => {
    const log = logged.join('');
    expect(log).toContain('"msg":"delivery receipts refused"');
    expect(log).toContain('the timestamp is more than 300 s away from now');
    expect(log).not.toContain(RECEIPTS_KEY);
  });
});
