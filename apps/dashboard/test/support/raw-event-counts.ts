import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PriceTable } from '@otp-verify/verifier/analytics';

/** Figures computed straight from the verifier's raw `events` table, independently of the analytics' rollups. */
export interface RawCounts {
  shown: number | null;
  created: number;
  sent: number;
  delivered: number;
  verified: number;
  orderAccepted: number;
  outcomes: Record<string, number>;
  open: number;
  wrongCodes: number;
  messages: number;
  smsSegments: number;
  emails: number;
  verifiedAttempts: number[];
  estimatedCost: number;
}

export interface RawDeliveryRow {
  provider: string;
  channel: string;
  country: string;
  sent: number;
  delivered: number;
  failed: number;
  attemptFailures: number;
}

/**
 * One row per session, read from its events alone: what it reached (a later step proves the earlier ones, as the
 * funnel defines them), its country (the first one an event names), its newest outcome.
 */
const SESSIONS = `
  WITH per_session AS (
    SELECT session_id AS id, brand,
      MAX(type = 'session.created') AS created,
      MAX(type = 'message.sent') AS sent,
      MAX(type = 'message.delivered') AS delivered,
      MAX(type = 'session.verified') AS verified,
      MAX(type = 'token.redeemed') AS redeemed,
      SUM(type = 'code.wrong') AS wrong_codes,
      SUM(type = 'message.queued') AS messages,
      SUM(type = 'message.queued' AND json_extract(data, '$.channel') = 'email') AS emails,
      SUM(CASE WHEN type = 'message.queued' AND COALESCE(json_extract(data, '$.channel'), 'sms') <> 'email'
        THEN COALESCE(json_extract(data, '$.segments'), 1) ELSE 0 END) AS sms_segments,
      MAX(CASE WHEN type = 'session.verified' THEN json_extract(data, '$.attempts') END) AS attempts
    FROM events WHERE session_id IS NOT NULL AND type <> 'token.refused' GROUP BY session_id
  ), sessions AS (
    SELECT p.*,
      COALESCE((SELECT json_extract(c.data, '$.country') FROM events c
        WHERE c.session_id = p.id AND c.type IN ('session.created', 'session.phone_bound', 'message.queued')
          AND COALESCE(json_extract(c.data, '$.country'), '') <> '' ORDER BY c.id LIMIT 1), '') AS country,
      (SELECT json_extract(o.data, '$.outcome') FROM events o
        WHERE o.session_id = p.id AND o.type = 'session.ended' ORDER BY o.id DESC LIMIT 1) AS outcome
    FROM per_session p
  ), reached AS (
    SELECT *, (redeemed OR outcome = 'order_accepted') AS order_accepted FROM sessions
  )
  SELECT *, (verified OR order_accepted) AS verified_or_later,
    (delivered OR verified OR order_accepted) AS delivered_or_later,
    (sent OR delivered OR verified OR order_accepted) AS sent_or_later
  FROM reached WHERE created = 1 AND (@brand IS NULL OR brand = @brand) AND (@country IS NULL OR country = @country)`;

interface SessionRow {
  id: string;
  brand: string;
  country: string;
  outcome: string | null;
  order_accepted: number;
  verified_or_later: number;
  delivered_or_later: number;
  sent_or_later: number;
  wrong_codes: number;
  messages: number;
  emails: number;
  sms_segments: number;
  attempts: number | null;
}

export class RawEvents {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'otp-verify.sqlite'), { readonly: true, fileMustExist: true });
  }

  sessions(filter: { brand?: string; country?: string }): SessionRow[] {
    return this.db
      .prepare<[{ brand: string | null; country: string | null }], SessionRow>(SESSIONS)
      .all({ brand: filter.brand ?? null, country: filter.country ?? null });
  }

  counts(filter: { brand?: string; country?: string }, prices: PriceTable): RawCounts {
    const sessions = this.sessions(filter);
    const sum = (pick: (row: SessionRow) => number) => sessions.reduce((total, row) => total + pick(row), 0);
    const outcomes: Record<string, number> = {};
    for (const row of sessions) if (row.outcome !== null) outcomes[row.outcome] = (outcomes[row.outcome] ?? 0) + 1;
    const shown = this.db
      .prepare<[{ brand: string | null }], { n: number }>(
        `SELECT COUNT(*) AS n FROM events WHERE type = 'element.shown' AND (@brand IS NULL OR brand = @brand)`,
      )
      .get({ brand: filter.brand ?? null }) as { n: number };
    return {
      shown: filter.country === undefined ? shown.n : null,
      created: sessions.length,
      sent: sum((row) => row.sent_or_later),
      delivered: sum((row) => row.delivered_or_later),
      verified: sum((row) => row.verified_or_later),
      orderAccepted: sum((row) => row.order_accepted),
      outcomes,
      open: sum((row) => (row.outcome === null ? 1 : 0)),
      wrongCodes: sum((row) => row.wrong_codes),
      messages: sum((row) => row.messages),
      smsSegments: sum((row) => row.sms_segments),
      emails: sum((row) => row.emails),
      verifiedAttempts: sessions.flatMap((row) => (row.attempts === null ? [] : [row.attempts])),
      estimatedCost: sum(
        (row) =>
          row.sms_segments * (prices.smsSegment[row.country] ?? prices.smsSegment.default) + row.emails * prices.email,
      ),
    };
  }

  /** Per session: how many `session.ended` events, and whether the store's one outcome is the newest of them. */
  outcomeCheck(): { id: string; ended: number; stored: string | null; newest: string | null }[] {
    return this.db
      .prepare<[], { id: string; ended: number; stored: string | null; newest: string | null }>(
        `SELECT s.id, s.outcome AS stored,
           (SELECT COUNT(*) FROM events e WHERE e.session_id = s.id AND e.type = 'session.ended') AS ended,
           (SELECT json_extract(e.data, '$.outcome') FROM events e WHERE e.session_id = s.id AND e.type = 'session.ended'
             ORDER BY e.id DESC LIMIT 1) AS newest
         FROM sessions s ORDER BY s.id`,
      )
      .all();
  }

  delivery(brand?: string): RawDeliveryRow[] {
    return this.db
      .prepare<[{ brand: string | null }], RawDeliveryRow>(
        `WITH country AS (
           -- SQLite takes a bare column from the row of MIN(id): the first event naming a country.
           SELECT session_id, json_extract(data, '$.country') AS country, MIN(id) FROM events
           WHERE type IN ('session.created', 'session.phone_bound', 'message.queued')
             AND COALESCE(json_extract(data, '$.country'), '') <> '' GROUP BY session_id
         )
         SELECT json_extract(e.data, '$.provider') AS provider, COALESCE(json_extract(e.data, '$.channel'), 'sms') AS channel,
           COALESCE(c.country, '') AS country,
           SUM(e.type = 'message.sent') AS sent, SUM(e.type = 'message.delivered') AS delivered,
           SUM(e.type = 'message.failed') AS failed, SUM(e.type = 'message.attempt_failed') AS attemptFailures
         FROM events e LEFT JOIN country c ON c.session_id = e.session_id
         WHERE e.type IN ('message.sent', 'message.delivered', 'message.failed', 'message.attempt_failed')
           AND (@brand IS NULL OR e.brand = @brand)
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all({ brand: brand ?? null });
  }

  reasons(brand?: string): { kind: string; reason: string; count: number }[] {
    return this.db
      .prepare<[{ brand: string | null }], { kind: string; reason: string; count: number }>(
        `SELECT CASE type WHEN 'message.failed' THEN 'message_failed' WHEN 'message.dead_lettered' THEN 'message_failed'
             WHEN 'message.attempt_failed' THEN 'attempt_failed' WHEN 'token.refused' THEN 'token_refused'
             ELSE 'blocked' END AS kind,
           COALESCE(json_extract(data, '$.reason'), 'unknown') AS reason, COUNT(*) AS count
         FROM events WHERE type IN ('message.failed', 'message.dead_lettered', 'message.attempt_failed', 'token.refused',
           'session.blocked') AND (@brand IS NULL OR brand = @brand)
         GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all({ brand: brand ?? null });
  }

  close(): void {
    this.db.close();
  }
}
