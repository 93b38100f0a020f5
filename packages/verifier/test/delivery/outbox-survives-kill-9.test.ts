/**
 * Property (issue 6): the verifier process killed (kill -9) with messages in the queue: after restart every
 * message is delivered and recorded, none twice.
 *
 * The verifier runs as a separate OS process (`node dist/cli.js serve`, dev mode) and sends through a local HTTP
 * gateway that, like real gateways with idempotency keys, delivers a key once and answers its repeats with the
 * first answer. A message whose crash fell between the gateway's acceptance and the outbox's record is sent
 * again after the restart with the same key (its outbox id), so the customer still gets it once.
 * Built in: src/usecases/send-code.ts (the message is queued in the send's transaction, before the 202),
 * src/store/sqlite/outbox.ts (claims are leases that lapse; every change names its claim),
 * src/delivery/outbox/delivery-worker.ts (`idempotencyKey: message.id` on every attempt).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, codeFromSms, createSession } from '../support/api.js';
import type { CreatedSession } from '../support/api.js';
import type { VerifierProcess } from '../support/attacker.js';
import { startVerifierProcess } from '../support/attacker.js';
import { ACME, GENEROUS_TEST_LIMITS, PUBLIC_URL, uniqueMobile, writeTestBrandsDirectory } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';
import { IdempotentTestGateway } from './idempotent-test-gateway.js';

const CUSTOMERS = 30;
/** Attempts at once: with the gateway holding its answers, the other messages stay queued. */
const CONCURRENCY = 8;
const DELIVERED_WITHIN_MS = 30_000;

interface OutboxRow {
  id: string;
  session_id: string;
  state: string;
  attempts: number;
  provider_message_id: string | null;
}

let dir: ReturnType<typeof tempDir> | undefined;
let gateway: IdempotentTestGateway | undefined;
const verifiers: VerifierProcess[] = [];

afterEach(async () => {
  await Promise.all(verifiers.splice(0).map((verifier) => verifier.stop()));
  await gateway?.stop();
  dir?.remove();
  gateway = undefined;
  dir = undefined;
});

/** A data directory and the brands directory that routes Acme's SMS to the gateway, with short leases. */
async function setUp(options: { gatewayUp: boolean }) {
  dir = tempDir('otp-verify-kill-9-');
  gateway = await IdempotentTestGateway.create({ up: options.gatewayUp });
  const brandsDir = writeTestBrandsDirectory(
    join(dir.path, 'brands'),
    (brand) => {
      if (brand.id === ACME.id) brand.delivery = { sms: ['crash-sms'] };
    },
    {
      limits: GENEROUS_TEST_LIMITS,
      providers: {
        'crash-sms': {
          type: 'http',
          url: `${gateway.url}/sms`,
          idempotencyKeyHeader: 'Idempotency-Key',
          json: { to: '{to}', text: '{text}' },
          response: { messageIdPath: 'id' },
          timeoutMs: 5000,
        },
      },
      // A lease of 3.3 s: the restarted process takes over the crashed one's messages within seconds. The circuit
      // and the attempts are far from their limits, so a gateway that is down only postpones the messages.
      outbox: {
        concurrency: CONCURRENCY,
        attemptTimeoutMs: 3000,
        leaseMarginMs: 300,
        pollIntervalMs: 100,
        maxAttempts: 50,
        retry: { baseMs: 500, maxMs: 1000 },
        breaker: { failureThreshold: 100, openMs: 1000 },
      },
    },
  );
  const dataDir = join(dir.path, 'data');
  const startVerifier = async () => {
    const verifier = await startVerifierProcess({ dataDir, brandsFile: brandsDir, publicUrl: PUBLIC_URL });
    verifiers.push(verifier);
    return verifier;
  };
  return { gateway, dataDir, startVerifier };
}

/** Creates a session per customer and sends its code, all at once; each send must be accepted (202). */
async function sendCodes(verifier: VerifierProcess): Promise<CreatedSession[]> {
  const api = new ApiClient(verifier.url);
  return Promise.all(
    Array.from({ length: CUSTOMERS }, async () => {
      const session = await createSession(api, uniqueMobile());
      const sent = await api.send(session.id, session.clientSecret);
      expect(sent.status).toBe(202);
      return session;
    }),
  );
}

async function kill9(verifier: VerifierProcess): Promise<void> {
  const exited = new Promise((resolve) => verifier.child.once('exit', resolve));
  verifier.child.kill('SIGKILL');
  await exited;
  expect(verifier.child.signalCode).toBe('SIGKILL');
}

/** Reads the store's file as it is now, read-only, beside the running process. */
function readStore<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'otp-verify.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function outboxRows(dataDir: string): OutboxRow[] {
  return readStore(dataDir, (db) =>
    db.prepare<[], OutboxRow>('SELECT id, session_id, state, attempts, provider_message_id FROM outbox').all(),
  );
}

/** How many `message.sent` events each message has. */
function sentEvents(dataDir: string): Map<string, number> {
  const rows = readStore(dataDir, (db) =>
    db
      .prepare<[], { message_id: string; count: number }>(
        `SELECT message_id, count(*) AS count FROM events WHERE type = 'message.sent' GROUP BY message_id`,
      )
      .all(),
  );
  return new Map(rows.map((row) => [row.message_id, row.count]));
}

async function waitFor(what: string, done: () => boolean, withinMs: number, state: () => string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}; ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The outbox's messages by state, e.g. `{"sent":28,"sending":2}`. */
function outboxStates(dataDir: string): string {
  const counts: Record<string, number> = {};
  for (const row of outboxRows(dataDir)) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return `outbox ${JSON.stringify(counts)}`;
}

async function waitUntilAllSent(dataDir: string): Promise<void> {
  await waitFor(
    `all ${CUSTOMERS} messages sent`,
    () => {
      const rows = outboxRows(dataDir);
      return rows.length === CUSTOMERS && rows.every((row) => row.state === 'sent');
    },
    DELIVERED_WITHIN_MS,
    () => outboxStates(dataDir),
  );
}

/**
 * Every customer got exactly one message from the gateway, its code checks through the restarted verifier, and
 * the outbox recorded each message once: `sent`, with the id the gateway gave it, and one `message.sent` event.
 */
async function expectEachCustomerGotOneCodeThatChecks(
  sessions: CreatedSession[],
  dataDir: string,
  verifier: VerifierProcess,
): Promise<void> {
  const perPhone = (gateway as IdempotentTestGateway).deliveriesTo();
  expect(sessions.map((session) => perPhone.get(session.phone))).toEqual(sessions.map(() => 1));
  const deliveries = [...(gateway as IdempotentTestGateway).deliveries.values()];
  expect(deliveries).toHaveLength(CUSTOMERS);

  const rows = outboxRows(dataDir);
  expect(rows.map((row) => row.state)).toEqual(rows.map(() => 'sent'));
  const rowOfSession = new Map(rows.map((row) => [row.session_id, row]));
  const sentCounts = sentEvents(dataDir);
  const api = new ApiClient(verifier.url);
  for (const session of sessions) {
    const delivery = deliveries.find((candidate) => candidate.to === session.phone);
    const row = rowOfSession.get(session.id);
    expect(row?.id).toBe(delivery?.idempotencyKey);
    expect(row?.provider_message_id).toBe(delivery?.gatewayId);
    expect(sentCounts.get(row?.id ?? '')).toBe(1);
    const checked = await api.check(session.id, session.clientSecret, codeFromSms(delivery?.text ?? ''));
    expect(checked.status).toBe(200);
  }
}

describe('the verifier killed (kill -9) with messages in the queue: after restart every message is delivered and recorded, none twice', () => {
  it('killed with attempts held at the gateway (half of them then accepted, half dropped) and the rest queued: each customer gets one code, which checks', async () => {
    const { gateway, dataDir, startVerifier } = await setUp({ gatewayUp: true });
    gateway.hold();
    const first = await startVerifier();
    const sessions = await sendCodes(first);
    await waitFor(
      `${CONCURRENCY} attempts held at the gateway`,
      () => gateway.heldKeys().length >= CONCURRENCY,
      10_000,
      () => `${gateway.heldKeys().length} held, ${outboxStates(dataDir)}`,
    );
    const atTheKill = outboxRows(dataDir);
    expect(atTheKill.filter((row) => row.state === 'sent')).toEqual([]);
    expect(atTheKill.filter((row) => row.state === 'queued' && row.attempts === 0).length).toBeGreaterThan(0);

    await kill9(first);
    // The crash fell after the gateway took these and before the outbox recorded them: the same key comes again.
    const acceptedBeforeRestart = new Set(gateway.heldKeys().filter((_key, index) => index % 2 === 0));
    gateway.release((key) => acceptedBeforeRestart.has(key));
    const requestsBeforeRestart = gateway.requestedKeys.length;

    const second = await startVerifier();
    await waitUntilAllSent(dataDir);

    await expectEachCustomerGotOneCodeThatChecks(sessions, dataDir, second);
    const askedAgain = gateway.requestedKeys.slice(requestsBeforeRestart);
    for (const key of acceptedBeforeRestart) expect(askedAgain).toContain(key);
  }, 60_000);

  it('killed while the messages only wait (the gateway down: connection refused), restarted with it up: each customer gets one code, which checks', async () => {
    const { gateway, dataDir, startVerifier } = await setUp({ gatewayUp: false });
    const first = await startVerifier();
    const sessions = await sendCodes(first);
    await waitFor(
      'an attempt of every message refused',
      () => outboxRows(dataDir).filter((row) => row.attempts > 0).length === CUSTOMERS,
      10_000,
      () => outboxStates(dataDir),
    );
    expect(outboxRows(dataDir).filter((row) => row.state === 'sent')).toEqual([]);

    await kill9(first);
    await gateway.start();
    const second = await startVerifier();
    await waitUntilAllSent(dataDir);

    await expectEachCustomerGotOneCodeThatChecks(sessions, dataDir, second);
  }, 60_000);
});
