import type { Database } from 'better-sqlite3';
import type { Outcome } from './figures.js';
import type { SessionState } from './session-state.js';

interface SessionRow {
  id: string;
  brand: string;
  country: string;
  prefix: string;
  hour: number;
  created: number;
  sent: number;
  delivered: number;
  verified: number;
  redeemed: number;
  outcome: Outcome | null;
  verify_attempts: number | null;
  verify_ms: number | null;
  wrong_codes: number;
  messages: number;
  sms_segments: number;
  emails: number;
}

const COLUMNS = [
  'id',
  'brand',
  'country',
  'prefix',
  'hour',
  'created',
  'sent',
  'delivered',
  'verified',
  'redeemed',
  'outcome',
  'verify_attempts',
  'verify_ms',
  'wrong_codes',
  'messages',
  'sms_segments',
  'emails',
] as const satisfies readonly (keyof SessionRow)[];

const stateOf = (row: SessionRow): SessionState => ({
  id: row.id,
  brand: row.brand,
  country: row.country,
  prefix: row.prefix,
  hour: row.hour,
  created: row.created === 1,
  sent: row.sent === 1,
  delivered: row.delivered === 1,
  verified: row.verified === 1,
  redeemed: row.redeemed === 1,
  outcome: row.outcome,
  verifyAttempts: row.verify_attempts,
  verifyMs: row.verify_ms,
  wrongCodes: row.wrong_codes,
  messages: row.messages,
  smsSegments: row.sms_segments,
  emails: row.emails,
});

const rowOf = (state: SessionState): SessionRow => ({
  id: state.id,
  brand: state.brand,
  country: state.country,
  prefix: state.prefix,
  hour: state.hour,
  created: state.created ? 1 : 0,
  sent: state.sent ? 1 : 0,
  delivered: state.delivered ? 1 : 0,
  verified: state.verified ? 1 : 0,
  redeemed: state.redeemed ? 1 : 0,
  outcome: state.outcome,
  verify_attempts: state.verifyAttempts,
  verify_ms: state.verifyMs,
  wrong_codes: state.wrongCodes,
  messages: state.messages,
  sms_segments: state.smsSegments,
  emails: state.emails,
});

/** The sessions one fold batch touches: read once from analytics_sessions, written back once at its end. */
export interface SessionBatch {
  get(id: string): SessionState | undefined;
  add(state: SessionState): void;
  /** Writes every session the batch read or added (inside the fold's transaction). */
  save(): void;
}

export function sessionBatches(db: Database): () => SessionBatch {
  const find = db.prepare<[string], SessionRow>('SELECT * FROM analytics_sessions WHERE id = ?');
  const save = db.prepare<[SessionRow]>(
    `INSERT OR REPLACE INTO analytics_sessions (${COLUMNS.join(', ')})
     VALUES (${COLUMNS.map((column) => `@${column}`).join(', ')})`,
  );
  return () => {
    const touched = new Map<string, SessionState | undefined>();
    return {
      get: (id) => {
        if (!touched.has(id)) {
          const row = find.get(id);
          touched.set(id, row && stateOf(row));
        }
        return touched.get(id);
      },
      add: (state) => void touched.set(state.id, state),
      save: () => {
        for (const state of touched.values()) if (state !== undefined) save.run(rowOf(state));
      },
    };
  };
}
