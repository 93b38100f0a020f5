import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewMessage, Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CLOCK_START } from '../support/clock.js';
import { makeSession } from '../support/sessions.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let other: Store;
const now = CLOCK_START;
const LEASE = 15_000;

beforeEach(() => {
  dir = tempDir();
  const file = join(dir.path, 'otp-verify.sqlite');
  store = openSqliteStore(file, () => now);
  // A second connection to the same file: another verifier process.
  other = openSqliteStore(file, () => now);
});
afterEach(() => {
  store.close();
  other.close();
  dir.remove();
});

let sequence = 0;
function queued(overrides: Partial<NewMessage> = {}): NewMessage {
  sequence += 1;
  const session = makeSession({ status: 'sent', sends: 1, lastSentAt: now });
  store.insertSession(session);
  const message: NewMessage = {
    id: `msg_${sequence}`,
    sessionId: session.id,
    brand: session.brand,
    channel: 'sms',
    toMasked: '••• 67',
    payload: Buffer.from('sealed'),
    fallback: null,
    createdAt: now,
    expiresAt: now + 300_000,
    ...overrides,
  };
  store.enqueueMessage(message);
  return message;
}

describe('the SQLite outbox: claims are leases (persistence races, two connections)', () => {
  it('a due message is claimed by one connection only while its lease runs', () => {
    const message = queued();
    expect(store.claimMessages(now, now + LEASE, 10).map((m) => m.id)).toEqual([message.id]);
    expect(other.claimMessages(now, now + LEASE, 10)).toEqual([]);
    expect(other.claimMessages(now + LEASE - 1, now + 2 * LEASE, 10)).toEqual([]);
  });

  it('a lapsed lease is claimed again, one attempt more; the old claim can then change nothing', () => {
    const message = queued();
    const [first] = store.claimMessages(now, now + LEASE, 10);
    const [second] = other.claimMessages(now + LEASE, now + 2 * LEASE, 10);
    expect([first?.attempts, second?.attempts]).toEqual([1, 2]);
    const sent = { provider: 'gateway', providerMessageId: 'gw-1', at: now + LEASE };
    expect(store.markMessageSent({ id: message.id, attempts: 1 }, sent)).toBe(false);
    expect(
      store.retryMessage(
        { id: message.id, attempts: 1 },
        { provider: 'gateway', reason: 'late', rejected: false, nextAttemptAt: now, at: now },
      ),
    ).toBe(false);
    expect(other.markMessageSent({ id: message.id, attempts: 2 }, sent)).toBe(true);
    expect(store.findMessage(message.id)).toMatchObject({ state: 'sent', attempts: 2, payload: null });
    const sentEvents = store
      .listEvents({ limit: 50 })
      .filter((e) => e.messageId === message.id && e.type === 'message.sent');
    expect(sentEvents).toHaveLength(1);
  });

  it('a message waiting for its retry is not claimed before its time', () => {
    const message = queued();
    store.claimMessages(now, now + LEASE, 10);
    const failure = { provider: 'gateway', reason: '503', rejected: false, nextAttemptAt: now + 2_000, at: now };
    expect(store.retryMessage({ id: message.id, attempts: 1 }, failure)).toBe(true);
    expect(other.claimMessages(now + 1_999, now + LEASE, 10)).toEqual([]);
    expect(other.claimMessages(now + 2_000, now + LEASE, 10).map((m) => m.id)).toEqual([message.id]);
  });

  it('postponing gives the attempt back', () => {
    const message = queued();
    store.claimMessages(now, now + LEASE, 10);
    expect(store.postponeMessage({ id: message.id, attempts: 1 }, now + 5_000, now)).toBe(true);
    expect(store.findMessage(message.id)).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: now + 5_000 });
  });

  it('a rejection is remembered, so that provider is not tried again', () => {
    const message = queued();
    store.claimMessages(now, now + LEASE, 10);
    const failure = { provider: 'gateway', reason: 'bad number', rejected: true, nextAttemptAt: now, at: now };
    store.retryMessage({ id: message.id, attempts: 1 }, failure);
    expect(store.findMessage(message.id)?.refusedBy).toEqual(['gateway']);
  });

  it('a new message of the session cancels the one still queued, not one being sent', () => {
    const first = queued();
    const inFlight = queued();
    store.claimMessages(now, now + LEASE, 10);
    const waiting = queued();
    store.enqueueMessage({ ...waiting, id: 'msg_newer', sessionId: waiting.sessionId });
    store.enqueueMessage({ ...first, id: 'msg_newer_2', sessionId: inFlight.sessionId });
    expect(store.findMessage(waiting.id)).toMatchObject({ state: 'cancelled', reason: 'superseded' });
    expect(store.findMessage(inFlight.id)).toMatchObject({ state: 'sending' });
  });

  it('a message that dies gives its session the send back, unless a newer message of the session exists', () => {
    const lonely = queued();
    const superseded = queued();
    store.claimMessages(now, now + LEASE, 10);
    store.enqueueMessage({ ...superseded, id: 'msg_later' });
    const end = { state: 'dead' as const, reason: 'attempts_exhausted', at: now };
    store.finishMessage({ id: lonely.id, attempts: 1 }, end);
    store.finishMessage({ id: superseded.id, attempts: 1 }, end);
    expect(store.findSession(lonely.sessionId)).toMatchObject({ sends: 0, lastSentAt: null });
    expect(store.findSession(superseded.sessionId)).toMatchObject({ sends: 1, lastSentAt: now });
  });

  it('an operator retries only the session’s newest message, never one a newer code or its email replaced', () => {
    const replaced = queued();
    const alone = queued();
    store.claimMessages(now, now + LEASE, 10);
    const end = { state: 'dead' as const, reason: 'attempts_exhausted', at: now };
    store.finishMessage({ id: replaced.id, attempts: 1 }, end);
    store.finishMessage({ id: alone.id, attempts: 1 }, end);
    store.enqueueMessage({ ...replaced, id: 'msg_new_code' });
    expect(store.requeueMessage(replaced.id, now)).toBeUndefined();
    expect(store.requeueMessage(alone.id, now)).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: now });
    expect(store.requeueMessage(alone.id, now)).toBeUndefined();
  });

  it('an operator retry takes back the send a dead message gave back, so it is never given back twice', () => {
    const message = queued();
    store.claimMessages(now, now + LEASE, 10);
    store.finishMessage({ id: message.id, attempts: 1 }, { state: 'dead', reason: 'attempts_exhausted', at: now });
    expect(store.findSession(message.sessionId)).toMatchObject({ sends: 0, lastSentAt: null });
    store.requeueMessage(message.id, now + 1);
    expect(store.findSession(message.sessionId)).toMatchObject({ sends: 1, lastSentAt: now + 1 });
    const [again] = store.claimMessages(now + 1, now + LEASE, 10);
    store.finishMessage({ id: message.id, attempts: again?.attempts ?? 0 }, { state: 'dead', reason: 'x', at: now });
    expect(store.findSession(message.sessionId)).toMatchObject({ sends: 0 });
  });

  it('expired sessions lose their phone number and address; open ones keep them', () => {
    const expired = makeSession({ email: 'a@example.com', expiresAt: now + 1_000 });
    const open = makeSession({ email: 'b@example.com', expiresAt: now + 60_000 });
    store.insertSession(expired);
    store.insertSession(open);
    store.purgeExpired(now + 1_000);
    expect(store.findSession(expired.id)).toMatchObject({ phoneE164: null, email: null, codeHash: null });
    expect(store.findSession(open.id)).toMatchObject({ phoneE164: open.phoneE164, email: 'b@example.com' });
  });

  it('payloads are erased once the code has expired', () => {
    const message = queued({ expiresAt: now + 1_000 });
    expect(store.purgeExpired(now + 999)).toBe(0);
    expect(store.purgeExpired(now + 1_000)).toBe(1);
    expect(store.findMessage(message.id)?.payload).toBeNull();
  });

  it('the queued message and its event are one: a send transaction that fails leaves neither', () => {
    const session = makeSession();
    store.insertSession(session);
    expect(() =>
      store.transaction(() => {
        store.enqueueMessage({ ...queued(), id: 'msg_rolled_back', sessionId: session.id });
        throw new Error('a limit was full');
      }),
    ).toThrow('a limit was full');
    expect(store.findMessage('msg_rolled_back')).toBeUndefined();
    expect(store.listEvents({ sessionId: session.id, limit: 10 })).toEqual([]);
  });
});
