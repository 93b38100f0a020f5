import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/domain/session.js';
import type { CodeIssue, Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CLOCK_START } from '../support/clock.js';
import { makeSession } from '../support/sessions.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
const now = CLOCK_START + 1_000;

beforeEach(() => {
  dir = tempDir();
  store = openSqliteStore(join(dir.path, 'otp-verify.sqlite'), () => CLOCK_START);
});
afterEach(() => {
  store.close();
  dir.remove();
});

function issue(overrides: Partial<CodeIssue> = {}): CodeIssue {
  return {
    codeHash: 'hash-1',
    codeKeyId: 'ck_1',
    codeExpiresAt: now + 300_000,
    channel: 'sms',
    sentAt: now,
    sendsBefore: 0,
    ...overrides,
  };
}

function sentSession(overrides: Partial<Session> = {}): Session {
  const session = makeSession(overrides);
  store.insertSession(session);
  expect(store.recordSend(session.id, issue())).toBe(true);
  return store.findSession(session.id) as Session;
}

describe('SQLite store: conditional updates', () => {
  it('round-trips a session exactly', () => {
    const session = makeSession();
    store.insertSession(session);
    expect(store.findSession(session.id)).toEqual(session);
    expect(store.findSession('ses_missing')).toBeUndefined();
  });

  it('recordSend stores the code and counts the send', () => {
    const session = sentSession();
    expect(session).toMatchObject({ status: 'sent', sends: 1, codeHash: 'hash-1', codeKeyId: 'ck_1', lastSentAt: now });
  });

  it('recordSend with a stale sendsBefore changes nothing (another send came first)', () => {
    const before = sentSession();
    expect(store.recordSend(before.id, issue({ codeHash: 'hash-stale', sendsBefore: 0 }))).toBe(false);
    expect(store.findSession(before.id)).toEqual(before);
    expect(store.recordSend(before.id, issue({ codeHash: 'hash-2', sendsBefore: 1 }))).toBe(true);
    expect(store.findSession(before.id)).toMatchObject({ sends: 2, codeHash: 'hash-2' });
  });

  it('recordSend refuses a closed session', () => {
    for (const status of ['verified', 'redeemed', 'locked', 'expired', 'blocked'] as const) {
      const session = makeSession({ status });
      store.insertSession(session);
      expect(store.recordSend(session.id, issue())).toBe(false);
      expect(store.findSession(session.id)).toEqual(session);
    }
  });

  it('countAttempt counts up to max_attempts and then refuses, leaving the count at the maximum', () => {
    const session = sentSession();
    const counts: (number | undefined)[] = [];
    for (let i = 0; i < 7; i += 1) counts.push(store.countAttempt(session.id, now)?.attempts);
    expect(counts).toEqual([1, 2, 3, 4, 5, undefined, undefined]);
    expect(store.findSession(session.id)?.attempts).toBe(5);
  });

  it('countAttempt respects a brand’s lower max_attempts', () => {
    const session = sentSession({ policy: { ...makeSession().policy, maxAttempts: 2 } });
    expect(store.countAttempt(session.id, now)?.attempts).toBe(1);
    expect(store.countAttempt(session.id, now)?.attempts).toBe(2);
    expect(store.countAttempt(session.id, now)).toBeUndefined();
  });

  it('countAttempt refuses once the code or the session has expired, and before any code was sent', () => {
    const session = sentSession();
    expect(store.countAttempt(session.id, now + 300_000)).toBeUndefined();
    expect(store.countAttempt(session.id, session.expiresAt)).toBeUndefined();
    const unsent = makeSession();
    store.insertSession(unsent);
    expect(store.countAttempt(unsent.id, now)).toBeUndefined();
    expect(store.findSession(session.id)?.attempts).toBe(0);
  });

  it('markVerified succeeds only with the hash that was compared, and erases phone and code', () => {
    const session = sentSession();
    // A resend replaced the code between the comparison and the update:
    expect(store.recordSend(session.id, issue({ codeHash: 'hash-2', sendsBefore: 1 }))).toBe(true);
    expect(store.markVerified(session.id, 'hash-1', 'otk_1', now)).toBe(false);
    expect(store.findSession(session.id)?.status).toBe('sent');
    expect(store.markVerified(session.id, 'hash-2', 'otk_1', now)).toBe(true);
    expect(store.findSession(session.id)).toMatchObject({
      status: 'verified',
      tokenJti: 'otk_1',
      phoneE164: null,
      codeHash: null,
    });
    expect(store.markVerified(session.id, 'hash-2', 'otk_2', now)).toBe(false);
  });

  it('markLocked closes an open session and erases phone and code', () => {
    const session = sentSession();
    store.markLocked(session.id);
    expect(store.findSession(session.id)).toMatchObject({ status: 'locked', phoneE164: null, codeHash: null });
    expect(store.countAttempt(session.id, now)).toBeUndefined();
  });

  it('redeemToken redeems a verified session exactly once', () => {
    const session = sentSession();
    store.markVerified(session.id, 'hash-1', 'otk_1', now);
    expect(store.redeemToken('otk_1', now)).toMatchObject({ id: session.id, status: 'redeemed' });
    expect(store.redeemToken('otk_1', now)).toBeUndefined();
    expect(store.redeemToken('otk_unknown', now)).toBeUndefined();
  });

  it('bindPhone binds only a session that has no number yet', () => {
    const session = makeSession({ phoneE164: null, phoneRef: null, phoneMasked: null });
    store.insertSession(session);
    const phone = { e164: '+491701234567', ref: 'ref-1', masked: '••• 67' };
    expect(store.bindPhone(session.id, phone)).toBe(true);
    expect(store.bindPhone(session.id, { e164: '+491709999999', ref: 'ref-2', masked: '••• 99' })).toBe(false);
    expect(store.findSession(session.id)).toMatchObject({ phoneE164: '+491701234567', phoneRef: 'ref-1' });
  });

  it('a transaction that throws leaves nothing behind', () => {
    const session = sentSession();
    expect(() =>
      store.transaction(() => {
        store.countAttempt(session.id, now);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.findSession(session.id)?.attempts).toBe(0);
  });

  it('the dev inbox lists messages newest first, filtered by recipient, each message once', () => {
    const base = { channel: 'sms' as const, sentAt: now, sessionId: 'ses_x' };
    store.appendDevMessage({ ...base, to: '+491701234567', body: 'first' }, 'msg_1');
    store.appendDevMessage({ ...base, to: '+491709999999', body: 'other' }, 'msg_2');
    store.appendDevMessage({ ...base, to: '+491701234567', body: 'second' }, 'msg_3');
    store.appendDevMessage({ ...base, to: '+491701234567', body: 'first, retried' }, 'msg_1');
    expect(store.listDevMessages({ to: '+491701234567', limit: 10 }).map((m) => m.body)).toEqual(['second', 'first']);
    expect(store.listDevMessages({ limit: 2 }).map((m) => m.body)).toEqual(['second', 'other']);
  });
});
