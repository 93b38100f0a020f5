import type { Database } from 'better-sqlite3';
import { POLICY_BOUNDS } from '../../domain/policy.js';
import type { EventLog, OutcomeStore, SessionOutcome } from '../port.js';

/** A verified session's token may be redeemed this long after verification (longest token life + clock skew). */
const REDEEMABLE_MS = (POLICY_BOUNDS.tokenLifetimeSeconds.max + 60) * 1000;

/**
 * Session outcomes in SQLite: the session row's `outcome`, set once (a conditional update), each with its
 * `session.ended` event in the same transaction.
 */
export function sqliteOutcomes(db: Database, events: EventLog): OutcomeStore {
  const record = db.prepare<[{ outcome: SessionOutcome; at: number; id: string }], { brand: string }>(
    `UPDATE sessions SET outcome = @outcome, ended_at = @at
     WHERE id = @id AND (outcome IS NULL OR (outcome = 'verified_no_order' AND @outcome = 'order_accepted'))
     RETURNING brand`,
  );
  const endOverdue = db.prepare<
    [{ now: number; redeemableMs: number }],
    { id: string; brand: string; outcome: SessionOutcome }
  >(
    `UPDATE sessions SET ended_at = @now, outcome = CASE
         WHEN status = 'verified' THEN 'verified_no_order'
         WHEN status = 'sent' AND (SELECT o.state FROM outbox o WHERE o.session_id = sessions.id
           ORDER BY o.rowid DESC LIMIT 1) IN ('failed', 'dead') THEN 'failed_delivery'
         WHEN status = 'sent' AND attempts > 0 THEN 'expired'
         WHEN status = 'created' AND EXISTS (SELECT 1 FROM events e
           WHERE e.session_id = sessions.id AND e.type = 'session.blocked') THEN 'blocked'
         ELSE 'abandoned'
       END
     WHERE outcome IS NULL AND status IN ('created', 'sent', 'verified')
       AND CASE WHEN status = 'verified' THEN verified_at + @redeemableMs <= @now ELSE expires_at <= @now END
     RETURNING id, brand, outcome`,
  );
  const find = db.prepare<[string], { outcome: SessionOutcome | null }>('SELECT outcome FROM sessions WHERE id = ?');
  const ended = (sessionId: string, brand: string, outcome: SessionOutcome, at: number) =>
    events.appendEvent({ at, type: 'session.ended', brand, sessionId, data: { outcome } });

  return {
    recordOutcome: (sessionId, outcome, at) => {
      const row = record.get({ outcome, at, id: sessionId });
      if (row !== undefined) ended(sessionId, row.brand, outcome, at);
    },
    endSessions: db.transaction((now: number) => {
      const rows = endOverdue.all({ now, redeemableMs: REDEEMABLE_MS });
      for (const row of rows) ended(row.id, row.brand, row.outcome, now);
      return rows.length;
    }).immediate,
    outcomeOf: (sessionId) => find.get(sessionId)?.outcome ?? undefined,
  };
}
