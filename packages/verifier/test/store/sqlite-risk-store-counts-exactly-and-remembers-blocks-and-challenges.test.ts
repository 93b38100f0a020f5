/**
 * The SQLite RiskStore (issue 8): what the risk engine counts before every send (velocity, spend, distinct numbers),
 * the low-conversion blocks it starts, and the challenges a session passed. Real SQLite files in temp dirs.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskBlock } from '../../src/domain/risk/risk-decision.js';
import type { RiskCounter, Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { TestClock } from '../support/clock.js';
import { CLOCK_START, testClock } from '../support/clock.js';
import { makeSession } from '../support/sessions.js';
import { tempDir } from '../support/temp-dir.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let dir: ReturnType<typeof tempDir>;
let file: string;
let clock: TestClock;
let store: Store;

beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'otp-verify.sqlite');
  clock = testClock();
  store = openSqliteStore(file, clock);
});
afterEach(() => {
  store.close();
  dir.remove();
});

function hourly(key: string, hourIndex: number): RiskCounter {
  const windowStart = CLOCK_START + hourIndex * HOUR;
  return { key, windowStart, windowEnd: windowStart + HOUR };
}

/** Reads the database through a second connection, as an operator would. */
function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function rowCount(table: 'risk_sets' | 'risk_blocks'): number | undefined {
  return readDatabase((db) => db.prepare<[], { rows: number }>(`SELECT COUNT(*) AS rows FROM ${table}`).get()?.rows);
}

function storedChallenges(sessionId: string): string | undefined {
  return readDatabase(
    (db) =>
      db
        .prepare<[string], { stored: string }>('SELECT challenges_passed AS stored FROM sessions WHERE id = ?')
        .get(sessionId)?.stored,
  );
}

function block(overrides: Partial<RiskBlock> = {}): RiskBlock {
  return {
    brand: 'acme',
    scope: 'prefix',
    subject: '+4490670',
    startedAt: CLOCK_START,
    until: CLOCK_START + 6 * HOUR,
    sends: 40,
    verified: 1,
    ...overrides,
  };
}

describe('risk counters', () => {
  it('add the amount to every counter and return each total after, in order, per window', () => {
    const ip = hourly('risk:velocity_ip:3600:ip-hash', 0);
    const spend = hourly('risk:spend:acme', 0);
    expect(store.addToRiskCounters([ip, spend], 1, CLOCK_START)).toEqual([1, 1]);
    expect(store.addToRiskCounters([spend, ip], 1, CLOCK_START)).toEqual([2, 2]);
    expect(store.addToRiskCounters([spend], 45_000, CLOCK_START)).toEqual([45_002]);
    expect(store.addToRiskCounters([hourly('risk:spend:acme', 1)], 45_000, CLOCK_START + HOUR)).toEqual([45_000]);
  });

  it('sum the windows of one key that start in [from, to), and nothing of other keys', () => {
    for (const hourIndex of [0, 1, 2, 3])
      store.addToRiskCounters([hourly('risk:spend:acme', hourIndex)], 10, CLOCK_START);
    store.addToRiskCounters([hourly('risk:spend:nova', 1)], 999, CLOCK_START);
    store.addToRiskCounters([hourly('risk:spend:acme-eu', 1)], 999, CLOCK_START);
    const sum = (from: number, to: number) =>
      store.sumRiskCounter('risk:spend:acme', CLOCK_START + from * HOUR, CLOCK_START + to * HOUR);
    expect(sum(1, 3)).toBe(20);
    expect(sum(0, 4)).toBe(40);
    expect(sum(3, 3)).toBe(0);
    expect(sum(5, 9)).toBe(0);
    expect(store.sumRiskCounter('risk:spend:unknown', CLOCK_START, CLOCK_START + DAY)).toBe(0);
  });

  it('undo with the caller’s transaction (a savepoint inside it)', () => {
    const counter = hourly('risk:velocity_brand:3600:acme', 0);
    store.addToRiskCounters([counter], 1, CLOCK_START);
    expect(() =>
      store.transaction(() => {
        expect(store.addToRiskCounters([counter], 1, CLOCK_START)).toEqual([2]);
        throw new Error('the send failed after counting');
      }),
    ).toThrow('the send failed after counting');
    expect(store.sumRiskCounter(counter.key, CLOCK_START, CLOCK_START + HOUR)).toBe(1);
  });

  it('are purged with the send limits once their window has ended', () => {
    store.addToRiskCounters([hourly('risk:velocity_ip:3600:ip-hash', 0)], 1, CLOCK_START);
    const later = CLOCK_START + 2 * HOUR;
    store.takeFromCounters([{ key: 'ip:60:ip-hash', windowStart: later, windowEnd: later + MINUTE, max: 9 }], later);
    expect(store.sumRiskCounter('risk:velocity_ip:3600:ip-hash', CLOCK_START, later)).toBe(0);
  });
});

describe('distinct sets', () => {
  it('count a member once per window, and each set on its own', () => {
    const numbersOfIp = hourly('risk:distinct_numbers_ip:3600:ip-1', 0);
    const numbersOfOtherIp = hourly('risk:distinct_numbers_ip:3600:ip-2', 0);
    const lateInTheHour = CLOCK_START + HOUR - 30_000;
    expect(store.addToDistinctSets([numbersOfIp], 'phone-a', lateInTheHour)).toEqual([1]);
    expect(store.addToDistinctSets([numbersOfIp], 'phone-a', lateInTheHour)).toEqual([1]);
    expect(store.addToDistinctSets([numbersOfIp, numbersOfOtherIp], 'phone-b', lateInTheHour)).toEqual([2, 1]);
    expect(store.addToDistinctSets([numbersOfIp], 'phone-a', lateInTheHour)).toEqual([2]);
    // Within a minute of the last purge the ended window's members are still stored: they must not count.
    const nextHour = hourly('risk:distinct_numbers_ip:3600:ip-1', 1);
    expect(store.addToDistinctSets([nextHour], 'phone-c', CLOCK_START + HOUR + 10_000)).toEqual([1]);
  });

  it('lose their ended windows on a later add, so the table stays small', () => {
    for (const member of ['phone-a', 'phone-b', 'phone-c']) {
      store.addToDistinctSets([hourly('risk:distinct_numbers_ip:3600:ip-1', 0)], member, CLOCK_START);
    }
    expect(rowCount('risk_sets')).toBe(3);
    const later = CLOCK_START + HOUR + MINUTE;
    store.addToDistinctSets([hourly('risk:distinct_numbers_ip:3600:ip-1', 1)], 'phone-a', later);
    expect(rowCount('risk_sets')).toBe(1);
  });
});

describe('low-conversion blocks', () => {
  it('start once while one of the same brand, scope and subject runs; others start beside it', () => {
    expect(store.startRiskBlock(block())).toBe(true);
    expect(store.startRiskBlock(block({ startedAt: CLOCK_START + HOUR, until: CLOCK_START + 7 * HOUR }))).toBe(false);
    expect(store.startRiskBlock(block({ brand: 'nova' }))).toBe(true);
    expect(store.startRiskBlock(block({ scope: 'country', subject: 'GB' }))).toBe(true);
    expect(store.startRiskBlock(block({ subject: '+4490671' }))).toBe(true);
    const afterItEnded = CLOCK_START + 6 * HOUR;
    expect(store.startRiskBlock(block({ startedAt: afterItEnded, until: afterItEnded + HOUR, sends: 50 }))).toBe(true);
  });

  it('are active until they end, the newest one first', () => {
    store.startRiskBlock(block());
    expect(store.activeRiskBlock('acme', 'prefix', '+4490670', CLOCK_START + HOUR)).toEqual(block());
    expect(store.activeRiskBlock('acme', 'prefix', '+4490670', CLOCK_START + 6 * HOUR)).toBeUndefined();
    expect(store.activeRiskBlock('nova', 'prefix', '+4490670', CLOCK_START)).toBeUndefined();
    expect(store.activeRiskBlock('acme', 'country', '+4490670', CLOCK_START)).toBeUndefined();
    const next = block({ startedAt: CLOCK_START + 6 * HOUR, until: CLOCK_START + 12 * HOUR, sends: 80, verified: 2 });
    store.startRiskBlock(next);
    expect(store.activeRiskBlock('acme', 'prefix', '+4490670', CLOCK_START + 7 * HOUR)).toEqual(next);
  });

  it('are listed while running, of one brand or all, newest first', () => {
    const first = block();
    const second = block({ brand: 'nova', scope: 'country', subject: 'GB', startedAt: CLOCK_START + MINUTE });
    const third = block({ subject: '+4490671', startedAt: CLOCK_START + 2 * MINUTE, until: CLOCK_START + HOUR });
    for (const each of [first, second, third]) store.startRiskBlock(each);
    expect(store.listRiskBlocks({ now: CLOCK_START + 3 * MINUTE })).toEqual([third, second, first]);
    expect(store.listRiskBlocks({ brand: 'acme', now: CLOCK_START + 3 * MINUTE })).toEqual([third, first]);
    expect(store.listRiskBlocks({ now: CLOCK_START + HOUR })).toEqual([second, first]);
    expect(store.listRiskBlocks({ brand: 'zeta', now: CLOCK_START })).toEqual([]);
  });

  it('are purged 30 days after they ended', () => {
    store.startRiskBlock(block());
    store.startRiskBlock(block({ subject: '+4490671', until: CLOCK_START + 2 * DAY }));
    store.listRiskBlocks({ now: CLOCK_START + 6 * HOUR + 30 * DAY - 1 });
    expect(rowCount('risk_blocks')).toBe(2);
    store.listRiskBlocks({ now: CLOCK_START + 6 * HOUR + 30 * DAY });
    expect(rowCount('risk_blocks')).toBe(1);
  });
});

describe('challenges passed', () => {
  function openSession(overrides: Parameters<typeof makeSession>[0] = {}) {
    const session = makeSession(overrides);
    store.insertSession(session);
    return session;
  }

  it('are round-tripped with the session', () => {
    const session = openSession({ challengesPassed: ['step_up'] });
    expect(store.findSession(session.id)).toEqual(session);
  });

  it('record a challenge once, however often it is marked, beside the others', () => {
    const session = openSession();
    expect(store.markChallengePassed(session.id, 'captcha')).toBe(true);
    expect(store.markChallengePassed(session.id, 'captcha')).toBe(true);
    expect(store.findSession(session.id)?.challengesPassed).toEqual(['captcha']);
    expect(store.markChallengePassed(session.id, 'step_up')).toBe(true);
    expect(store.markChallengePassed(session.id, 'step_up')).toBe(true);
    expect(store.findSession(session.id)?.challengesPassed).toEqual(['captcha', 'step_up']);
    expect(storedChallenges(session.id), 'the column itself holds each once').toBe('["captcha","step_up"]');
  });

  it('are recorded after a code was sent, while the session is open', () => {
    const session = openSession({ status: 'sent' });
    expect(store.markChallengePassed(session.id, 'step_up')).toBe(true);
    expect(store.findSession(session.id)?.challengesPassed).toEqual(['step_up']);
  });

  // A challenge passed must not outlive its session (OWASP ASVS 4.0.3 V3.3: an ended session grants nothing).
  it('are refused on a closed, expired or unknown session, which stays as it was', () => {
    for (const status of ['verified', 'redeemed', 'locked', 'expired', 'blocked'] as const) {
      const closed = openSession({ status });
      expect(store.markChallengePassed(closed.id, 'captcha'), status).toBe(false);
      expect(store.findSession(closed.id)).toEqual(closed);
    }
    const expired = openSession({ status: 'sent' });
    clock.set(expired.expiresAt);
    expect(store.markChallengePassed(expired.id, 'step_up')).toBe(false);
    expect(store.findSession(expired.id)?.challengesPassed).toEqual([]);
    expect(store.markChallengePassed('ses_unknown', 'captcha')).toBe(false);
  });

  it('drop what the column holds that is no challenge, never trusting it', () => {
    const session = openSession();
    const db = new Database(file);
    const write = db.prepare<[string, string]>('UPDATE sessions SET challenges_passed = ? WHERE id = ?');
    try {
      write.run('["captcha","admin","captcha",1,null]', session.id);
      expect(store.findSession(session.id)?.challengesPassed).toEqual(['captcha']);
      write.run('{"step_up":true}', session.id);
      expect(store.findSession(session.id)?.challengesPassed).toEqual([]);
      write.run('not json', session.id);
      expect(store.findSession(session.id)?.challengesPassed).toEqual([]);
      expect(store.markChallengePassed(session.id, 'step_up')).toBe(true);
      expect(store.findSession(session.id)?.challengesPassed).toEqual(['step_up']);
    } finally {
      db.close();
    }
  });
});
