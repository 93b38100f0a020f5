import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CLOCK_START } from '../support/clock.js';
import { makeSession } from '../support/sessions.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'nested', 'otp-verify.sqlite');
});
afterEach(() => dir.remove());

function migrationRows(): { version: number; applied_at: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { version: number; applied_at: number }>('SELECT version, applied_at FROM schema_migrations')
      .all();
  } finally {
    db.close();
  }
}

describe('SQLite store: schema', () => {
  it('creates the file (and its directory) and records each migration once, stamped by the injected clock', () => {
    openSqliteStore(file, () => CLOCK_START).close();
    expect(migrationRows()).toEqual([
      { version: 1, applied_at: CLOCK_START },
      { version: 2, applied_at: CLOCK_START },
      { version: 3, applied_at: CLOCK_START },
      { version: 4, applied_at: CLOCK_START },
      { version: 5, applied_at: CLOCK_START },
      { version: 6, applied_at: CLOCK_START },
      { version: 7, applied_at: CLOCK_START },
      { version: 8, applied_at: CLOCK_START },
    ]);
  });

  it('applies nothing again on reopen and keeps the data', () => {
    const first = openSqliteStore(file, () => CLOCK_START);
    const session = makeSession();
    first.insertSession(session);
    first.close();

    const second = openSqliteStore(file, () => CLOCK_START + 60_000);
    expect(second.findSession(session.id)).toEqual(session);
    second.close();
    expect(migrationRows()).toEqual([
      { version: 1, applied_at: CLOCK_START },
      { version: 2, applied_at: CLOCK_START },
      { version: 3, applied_at: CLOCK_START },
      { version: 4, applied_at: CLOCK_START },
      { version: 5, applied_at: CLOCK_START },
      { version: 6, applied_at: CLOCK_START },
      { version: 7, applied_at: CLOCK_START },
      { version: 8, applied_at: CLOCK_START },
    ]);
  });

  it('applyMigrations is idempotent on one database', () => {
    const db = new Database(join(dir.path, 'direct.sqlite'));
    try {
      expect(applyMigrations(db, () => CLOCK_START)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(applyMigrations(db, () => CLOCK_START)).toEqual([]);
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name);
      expect(tables).toEqual([
        'analytics_counts',
        'analytics_delivery',
        'analytics_fraud',
        'analytics_histograms',
        'analytics_reasons',
        'analytics_risk_blocks',
        'analytics_sessions',
        'analytics_watermark',
        'dev_messages',
        'early_receipts',
        'events',
        'outbox',
        'rate_counters',
        'risk_blocks',
        'risk_sets',
        'schema_migrations',
        'sessions',
      ]);
    } finally {
      db.close();
    }
  });

  it('runs in WAL mode, persistently', () => {
    const store = openSqliteStore(file);
    store.insertSession(makeSession());
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      reader.close();
      store.close();
    }
  });

  it('answers ping while open', () => {
    const store = openSqliteStore(file);
    expect(store.ping()).toBe(true);
    store.close();
    expect(() => store.ping()).toThrow();
  });
});
