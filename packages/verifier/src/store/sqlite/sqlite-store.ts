import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { CodeIssue, OutgoingMessage, Store } from '../port.js';
import { applyMigrations } from './migrations.js';
import { sqliteEventLog } from './event-log.js';
import { sqliteOutbox } from './outbox.js';
import { sqliteOutcomes } from './outcomes.js';
import { sqliteRateCounters } from './rate-counters.js';
import { sqliteRiskStore } from './risk-store.js';
import type { SessionRow } from './session-rows.js';
import { SESSION_COLUMNS, rowFromSession, sessionFromRow } from './session-rows.js';

interface MessageRow {
  to_address: string;
  channel: OutgoingMessage['channel'];
  body: string;
  subject: string | null;
  sent_at: number;
  session_id: string;
}

/** The verifier's database in its data directory. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'otp-verify.sqlite');
}

/** Opens (creating if needed) the SQLite database at `file`, applies migrations, prepares every statement once. */
export function openSqliteStore(file: string, now: () => number = Date.now): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, now);
  const events = sqliteEventLog(db);

  const insertSession = db.prepare<[SessionRow]>(
    `INSERT INTO sessions (${SESSION_COLUMNS.join(', ')}) VALUES (${SESSION_COLUMNS.map((name) => `@${name}`).join(', ')})`,
  );
  const findSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const findByTokenJti = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_jti = ?');
  const bindPhone = db.prepare<[string, string, string, string]>(
    `UPDATE sessions SET phone_e164 = ?, phone_ref = ?, phone_masked = ?
     WHERE id = ? AND phone_e164 IS NULL AND status = 'created'`,
  );
  const recordSend = db.prepare<[string, string, number, string, number, string, number]>(
    `UPDATE sessions SET status = 'sent', code_hash = ?, code_key_id = ?, code_expires_at = ?, code_channel = ?,
       last_sent_at = ?, sends = sends + 1
     WHERE id = ? AND sends = ? AND status IN ('created', 'sent')`,
  );
  const countAttempt = db.prepare<[string, number, number], SessionRow>(
    `UPDATE sessions SET attempts = attempts + 1
     WHERE id = ? AND status = 'sent' AND attempts < max_attempts AND code_expires_at > ? AND expires_at > ?
     RETURNING *`,
  );
  const markVerified = db.prepare<[string, number, string, string]>(
    `UPDATE sessions SET status = 'verified', token_jti = ?, verified_at = ?,
       phone_e164 = NULL, email = NULL, code_hash = NULL
     WHERE id = ? AND status = 'sent' AND code_hash = ?`,
  );
  const markLocked = db.prepare<[string]>(
    `UPDATE sessions SET status = 'locked', phone_e164 = NULL, email = NULL, code_hash = NULL
     WHERE id = ? AND status = 'sent'`,
  );
  const redeemToken = db.prepare<[number, string], SessionRow>(
    `UPDATE sessions SET status = 'redeemed', redeemed_at = ? WHERE token_jti = ? AND status = 'verified' RETURNING *`,
  );
  const appendMessage = db.prepare<[string, string, string, string | null, number, string, string]>(
    `INSERT INTO dev_messages (to_address, channel, body, subject, sent_at, session_id, message_id)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING`,
  );
  const listMessagesTo = db.prepare<[string, number], MessageRow>(
    'SELECT * FROM dev_messages WHERE to_address = ? ORDER BY id DESC LIMIT ?',
  );
  const listMessages = db.prepare<[number], MessageRow>('SELECT * FROM dev_messages ORDER BY id DESC LIMIT ?');
  const ping = db.prepare<[], { ok: number }>('SELECT 1 AS ok');

  const toMessage = (row: MessageRow): OutgoingMessage => ({
    to: row.to_address,
    channel: row.channel,
    body: row.body,
    ...(row.subject === null ? {} : { subject: row.subject }),
    sentAt: row.sent_at,
    sessionId: row.session_id,
  });

  return {
    insertSession: (session) => void insertSession.run(rowFromSession(session)),
    findSession: (id) => {
      const row = findSession.get(id);
      return row && sessionFromRow(row);
    },
    findSessionByTokenJti: (jti) => {
      const row = findByTokenJti.get(jti);
      return row && sessionFromRow(row);
    },
    bindPhone: (id, phone) => bindPhone.run(phone.e164, phone.ref, phone.masked, id).changes === 1,
    recordSend: (id, issue: CodeIssue) =>
      recordSend.run(
        issue.codeHash,
        issue.codeKeyId,
        issue.codeExpiresAt,
        issue.channel,
        issue.sentAt,
        id,
        issue.sendsBefore,
      ).changes === 1,
    countAttempt: (id, at) => {
      const row = countAttempt.get(id, at, at);
      return row && sessionFromRow(row);
    },
    markVerified: (id, comparedCodeHash, tokenJti, at) =>
      markVerified.run(tokenJti, at, id, comparedCodeHash).changes === 1,
    markLocked: (id) => void markLocked.run(id),
    redeemToken: (jti, at) => {
      const row = redeemToken.get(at, jti);
      return row && sessionFromRow(row);
    },
    transaction: (work) => db.transaction(work).immediate(),
    ...sqliteRateCounters(db),
    ...sqliteRiskStore(db, now),
    ...sqliteOutbox(db, events),
    ...events,
    ...sqliteOutcomes(db, events),
    appendDevMessage: (message, messageId) =>
      void appendMessage.run(
        message.to,
        message.channel,
        message.body,
        message.subject ?? null,
        message.sentAt,
        message.sessionId,
        messageId,
      ),
    listDevMessages: ({ to, limit }) =>
      (to === undefined ? listMessages.all(limit) : listMessagesTo.all(to, limit)).map(toMessage),
    ping: () => ping.get()?.ok === 1,
    close: () => db.close(),
  };
}
