import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type DashboardDatabase = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS operators (
  username TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('operator', 'analyst')),
  brand TEXT,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  CHECK ((role = 'analyst') = (brand IS NOT NULL))
);
CREATE TABLE IF NOT EXISTS sign_in_sessions (
  id_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES operators (username) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_sessions_by_user ON sign_in_sessions (username);
CREATE TABLE IF NOT EXISTS sign_in_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  rule TEXT NOT NULL,
  brand TEXT NOT NULL,
  subject TEXT NOT NULL,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL,
  value REAL NOT NULL,
  threshold REAL NOT NULL,
  cleared_at INTEGER
);
CREATE INDEX IF NOT EXISTS alerts_by_brand ON alerts (brand, id);
CREATE UNIQUE INDEX IF NOT EXISTS one_open_alert ON alerts (rule, brand, subject) WHERE cleared_at IS NULL;
`;

export const DATABASE_FILE = 'dashboard.sqlite';

/** Opens (and creates) the dashboard's own SQLite file in `dataDir`, private to its user. */
export function openDashboardDatabase(dataDir: string): DashboardDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
