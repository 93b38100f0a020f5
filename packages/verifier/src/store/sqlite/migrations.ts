import type { Database } from 'better-sqlite3';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes; a new need is a new version. */
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'sessions and dev inbox',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        brand TEXT NOT NULL,
        order_id TEXT NOT NULL,
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL,
        locale TEXT NOT NULL,
        status TEXT NOT NULL,
        client_secret_hash TEXT NOT NULL,
        phone_e164 TEXT,
        phone_ref TEXT,
        phone_masked TEXT,
        checkout_host TEXT NOT NULL,
        policy TEXT NOT NULL,
        max_attempts INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        code_hash TEXT,
        code_key_id TEXT,
        code_expires_at INTEGER,
        last_sent_at INTEGER,
        sends INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        token_jti TEXT UNIQUE,
        verified_at INTEGER,
        redeemed_at INTEGER
      ) STRICT;
      CREATE INDEX sessions_brand_created ON sessions (brand, created_at);
      CREATE TABLE dev_messages (
        id INTEGER PRIMARY KEY,
        to_address TEXT NOT NULL,
        channel TEXT NOT NULL,
        body TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        session_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dev_messages_to ON dev_messages (to_address, id);
    `,
  },
  {
    version: 2,
    name: 'rate-limit counters',
    sql: `
      CREATE TABLE rate_counters (
        key TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (key, window_start)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX rate_counters_expiry ON rate_counters (expires_at);
    `,
  },
  {
    version: 3,
    name: 'outbox and event log',
    sql: `
      ALTER TABLE sessions ADD COLUMN email TEXT;
      ALTER TABLE sessions ADD COLUMN code_channel TEXT;
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        brand TEXT NOT NULL,
        channel TEXT NOT NULL,
        to_masked TEXT NOT NULL,
        payload BLOB,
        fallback BLOB,
        fallback_to_masked TEXT,
        state TEXT NOT NULL,
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        provider TEXT,
        provider_message_id TEXT,
        refused_by TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        lease_until INTEGER,
        sent_at INTEGER,
        delivered_at INTEGER,
        expires_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_session ON outbox (session_id, created_at);
      CREATE INDEX outbox_provider_message ON outbox (provider, provider_message_id);
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        brand TEXT NOT NULL,
        session_id TEXT,
        message_id TEXT,
        data TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX events_session ON events (session_id, id);
      ALTER TABLE dev_messages ADD COLUMN message_id TEXT;
      ALTER TABLE dev_messages ADD COLUMN subject TEXT;
      CREATE UNIQUE INDEX dev_messages_message ON dev_messages (message_id);
    `,
  },
  {
    version: 4,
    name: 'outbox: returned sends, early receipts; expiry of contact data',
    sql: `
      ALTER TABLE outbox ADD COLUMN send_returned INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE early_receipts (
        provider TEXT NOT NULL,
        provider_message_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        reason TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (provider, provider_message_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sessions_contact_expiry ON sessions (expires_at)
        WHERE phone_e164 IS NOT NULL OR email IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'session outcomes',
    sql: `
      ALTER TABLE sessions ADD COLUMN outcome TEXT;
      ALTER TABLE sessions ADD COLUMN ended_at INTEGER;
      CREATE INDEX sessions_unended ON sessions (expires_at) WHERE outcome IS NULL;
      CREATE INDEX sessions_ended ON sessions (brand, ended_at) WHERE outcome IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: 'analytics rollups',
    // Each rollup holds an hour row and a day row per key (span), so a long period reads days and only its
    // ragged ends in hours. Sessions count in the hour they were created (a cohort); element beacons when they came.
    sql: `
      CREATE INDEX events_at ON events (at);
      CREATE TABLE analytics_watermark (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        event_id INTEGER NOT NULL
      ) STRICT;
      INSERT INTO analytics_watermark (id, event_id) VALUES (1, 0);
      CREATE TABLE analytics_sessions (
        id TEXT PRIMARY KEY,
        brand TEXT NOT NULL,
        country TEXT NOT NULL,
        prefix TEXT NOT NULL,
        hour INTEGER NOT NULL,
        created INTEGER NOT NULL,
        sent INTEGER NOT NULL,
        delivered INTEGER NOT NULL,
        verified INTEGER NOT NULL,
        redeemed INTEGER NOT NULL,
        outcome TEXT,
        verify_attempts INTEGER,
        verify_ms INTEGER,
        wrong_codes INTEGER NOT NULL,
        messages INTEGER NOT NULL,
        sms_segments INTEGER NOT NULL,
        emails INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE analytics_counts (
        span TEXT NOT NULL,
        start INTEGER NOT NULL,
        brand TEXT NOT NULL,
        country TEXT NOT NULL,
        shown INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL DEFAULT 0,
        open INTEGER NOT NULL DEFAULT 0,
        sent INTEGER NOT NULL DEFAULT 0,
        delivered INTEGER NOT NULL DEFAULT 0,
        verified INTEGER NOT NULL DEFAULT 0,
        order_accepted INTEGER NOT NULL DEFAULT 0,
        outcome_order_accepted INTEGER NOT NULL DEFAULT 0,
        outcome_verified_no_order INTEGER NOT NULL DEFAULT 0,
        outcome_abandoned INTEGER NOT NULL DEFAULT 0,
        outcome_expired INTEGER NOT NULL DEFAULT 0,
        outcome_locked INTEGER NOT NULL DEFAULT 0,
        outcome_blocked INTEGER NOT NULL DEFAULT 0,
        outcome_failed_delivery INTEGER NOT NULL DEFAULT 0,
        wrong_codes INTEGER NOT NULL DEFAULT 0,
        messages INTEGER NOT NULL DEFAULT 0,
        sms_segments INTEGER NOT NULL DEFAULT 0,
        emails INTEGER NOT NULL DEFAULT 0,
        verify_attempts_sum INTEGER NOT NULL DEFAULT 0,
        verify_ms_sum INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (span, start, brand, country)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE analytics_histograms (
        span TEXT NOT NULL,
        start INTEGER NOT NULL,
        brand TEXT NOT NULL,
        country TEXT NOT NULL,
        metric TEXT NOT NULL,
        dimension TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (span, start, brand, country, metric, dimension, bucket)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE analytics_delivery (
        span TEXT NOT NULL,
        start INTEGER NOT NULL,
        brand TEXT NOT NULL,
        country TEXT NOT NULL,
        provider TEXT NOT NULL,
        channel TEXT NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0,
        delivered INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        attempt_failures INTEGER NOT NULL DEFAULT 0,
        latency_sum INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (span, start, brand, country, provider, channel)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE analytics_reasons (
        span TEXT NOT NULL,
        start INTEGER NOT NULL,
        brand TEXT NOT NULL,
        country TEXT NOT NULL,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (span, start, brand, country, kind, reason)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'risk engine: distinct sets, low-conversion blocks, challenges passed',
    sql: `
      CREATE TABLE risk_sets (
        key TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        member TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (key, window_start, member)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX risk_sets_expiry ON risk_sets (expires_at);
      CREATE TABLE risk_blocks (
        id INTEGER PRIMARY KEY,
        brand TEXT NOT NULL,
        scope TEXT NOT NULL,
        subject TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        until INTEGER NOT NULL,
        sends INTEGER NOT NULL,
        verified INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX risk_blocks_subject ON risk_blocks (brand, scope, subject, until);
      CREATE INDEX risk_blocks_until ON risk_blocks (until);
      ALTER TABLE sessions ADD COLUMN challenges_passed TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 8,
    name: 'fraud rollups',
    // The risk engine's events by the hour (and day) they happened, not by session cohort: blocks are counted when
    // they hit. One row per dimension value (a reason, a prefix, a network), so each top list is one range scan.
    sql: `
      CREATE TABLE analytics_fraud (
        span TEXT NOT NULL,
        start INTEGER NOT NULL,
        brand TEXT NOT NULL,
        country TEXT NOT NULL,
        dimension TEXT NOT NULL,
        value TEXT NOT NULL,
        blocked INTEGER NOT NULL DEFAULT 0,
        blocked_segments INTEGER NOT NULL DEFAULT 0,
        challenged INTEGER NOT NULL DEFAULT 0,
        dry_run_hits INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (span, start, brand, country, dimension, value)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE analytics_risk_blocks (
        event_id INTEGER PRIMARY KEY,
        brand TEXT NOT NULL,
        rule TEXT NOT NULL,
        scope TEXT NOT NULL,
        subject TEXT NOT NULL,
        since INTEGER NOT NULL,
        until INTEGER NOT NULL,
        sends INTEGER NOT NULL,
        verified INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX analytics_risk_blocks_until ON analytics_risk_blocks (until);
    `,
  },
];

export function applyMigrations(db: Database, now: () => number): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const pending = MIGRATIONS.filter((migration) => !applied.has(migration.version));
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now());
    }
  }).immediate();
  return pending.map((migration) => migration.version);
}
