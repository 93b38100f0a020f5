import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVerifier } from '../../src/verifier.js';
import { startVerifier } from '../../src/verifier.js';
import { ApiClient, codeFromSms, createSession } from '../support/api.js';
import { ACME, PUBLIC_URL, uniqueMobile, writeTestBrandsDirectory } from '../support/brands.js';
import { expectProblem } from '../support/problem.js';
import { tempDir } from '../support/temp-dir.js';
import type { TestGateway } from './http-gateway-test-server.js';
import { answer, startTestGateway } from './http-gateway-test-server.js';

const TOKEN = 'tok_live_9f8e7d6c5b4a';

let dir: ReturnType<typeof tempDir>;
let gateway: TestGateway;
let verifier: RunningVerifier;
let api: ApiClient;
const logged: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  gateway = await startTestGateway();
  const brands = writeTestBrandsDirectory(
    join(dir.path, 'brands'),
    (brand) => {
      if (brand.id === ACME.id) Object.assign(brand, { delivery: { sms: ['acme-sms'] }, senderId: 'AcmeMobile' });
    },
    {
      providers: {
        'acme-sms': {
          type: 'http',
          url: `${gateway.url}/v1/messages`,
          auth: { type: 'bearer', secretEnv: 'ACME_SMS_TOKEN' },
          idempotencyKeyHeader: 'Idempotency-Key',
          json: { messages: [{ from: '{sender}', to: '{to}', body: '{text}' }] },
          response: { messageIdPath: 'messages.0.id' },
          timeoutMs: 1000,
        },
      },
    },
  );
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString('utf8'));
      done();
    },
  });
  verifier = await startVerifier({
    dataDir: join(dir.path, 'data'),
    brands,
    publicUrl: PUBLIC_URL,
    mode: 'dev',
    env: { ACME_SMS_TOKEN: TOKEN },
    logger: pino({ level: 'debug' }, sink),
    // Retries far off: each failure below comes from one send, so the circuit opens exactly at the third.
    outbox: { retry: { baseMs: 60_000, maxMs: 60_000 } },
    keyPollIntervalMs: 0,
    host: '127.0.0.1',
    port: 0,
  });
  api = new ApiClient(verifier.url, ACME.origin);
});
afterAll(async () => {
  await verifier.stop();
  await gateway.close();
  dir.remove();
});

/** Sends a code and waits until the outbox has made its attempt; the answer and the message as it is then. */
async function send(phone: string) {
  const session = await createSession(api, phone);
  const response = await api.send(session.id, session.clientSecret);
  await verifier.context.outbox.idle();
  return { response, message: verifier.context.store.latestMessageOfSession(session.id) };
}

describe('a brand routed to an HTTP gateway (platform.json providers)', () => {
  it('sends its code through the gateway and answers 202', async () => {
    const phone = uniqueMobile();
    const { response, message } = await send(phone);
    expect(response.status).toBe(202);
    expect(message).toMatchObject({ state: 'sent', provider: 'acme-sms', providerMessageId: 'gw-1' });
    expect(gateway.received).toHaveLength(1);
    const [request] = gateway.received;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'idempotency-key': expect.stringMatching(/^msg_/),
    });
    const [sms] = (JSON.parse(request?.body ?? '') as { messages: { from: string; to: string; body: string }[] })
      .messages;
    expect(sms).toMatchObject({ from: 'AcmeMobile', to: phone, body: expect.stringMatching(/^Acme Mobile/) });
    expect(sms?.body.split('\n').at(-1)).toBe(`@${ACME.host} #${codeFromSms(sms?.body ?? '')}`);
    expect(await api.inbox(phone)).toEqual([]);
  });

  it('gives up on a message the gateway refuses (HTTP 400), with its reason, and tries it there no more', async () => {
    gateway.behave(answer(400, '{"error":"invalid destination"}'));
    const { response, message } = await send(uniqueMobile());
    expect(response.status).toBe(202);
    expect(message).toMatchObject({ state: 'failed', reason: 'HTTP gateway "acme-sms" answered HTTP 400' });
  });

  it('queues a message again when the gateway fails (HTTP 503)', async () => {
    gateway.behave(answer(503, '{"error":"maintenance"}'));
    const { message } = await send(uniqueMobile());
    expect(message).toMatchObject({ state: 'queued', reason: 'HTTP gateway "acme-sms" answered HTTP 503' });
  });

  it('answers 503 delivery_unavailable once the gateway failed three times in a row (its circuit is open)', async () => {
    // The HTTP 503 just before was the first failure in a row; a refused message does not count.
    await gateway.close();
    expect((await send(uniqueMobile())).response.status).toBe(202);
    expect((await send(uniqueMobile())).response.status).toBe(202);
    expectProblem((await send(uniqueMobile())).response, 'delivery_unavailable');
  });

  it('logs neither the phone numbers nor the gateway’s secret', () => {
    const log = logged.join('');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toMatch(/\+49170/);
  });
});
