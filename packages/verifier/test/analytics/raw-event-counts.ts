import Database from 'better-sqlite3';
import { databaseFile } from '../../src/store/sqlite/sqlite-store.js';

/**
 * The figures computed straight from the raw `events` table, independently of the fold: one row per session
 * from its own events (its country from creation, the number bound at the first send, or its first message).
 */
const SESSIONS = `
  WITH s AS (
    SELECT c.session_id AS id, c.brand,
      COALESCE(NULLIF(json_extract(c.data, '$.country'), ''),
        (SELECT json_extract(b.data, '$.country') FROM events b
         WHERE b.session_id = c.session_id AND b.type = 'session.phone_bound' ORDER BY b.id LIMIT 1),
        (SELECT json_extract(q.data, '$.country') FROM events q WHERE q.session_id = c.session_id
           AND q.type = 'message.queued' AND json_extract(q.data, '$.country') != '' ORDER BY q.id LIMIT 1),
        '') AS country,
      EXISTS (SELECT 1 FROM events e WHERE e.session_id = c.session_id AND e.type = 'message.sent') AS sent_message,
      EXISTS (SELECT 1 FROM events e WHERE e.session_id = c.session_id AND e.type = 'message.delivered') AS receipt,
      EXISTS (SELECT 1 FROM events e WHERE e.session_id = c.session_id AND e.type = 'session.verified') AS verified_event,
      EXISTS (SELECT 1 FROM events e WHERE e.session_id = c.session_id AND e.type = 'token.redeemed') AS redeemed,
      (SELECT json_extract(e.data, '$.outcome') FROM events e WHERE e.session_id = c.session_id
       AND e.type = 'session.ended' ORDER BY e.id DESC LIMIT 1) AS outcome,
      (SELECT COUNT(*) FROM events e WHERE e.session_id = c.session_id AND e.type = 'code.wrong') AS wrong_codes,
      (SELECT COUNT(*) FROM events e WHERE e.session_id = c.session_id AND e.type = 'message.queued') AS messages,
      (SELECT COALESCE(SUM(COALESCE(json_extract(e.data, '$.segments'), 1)), 0) FROM events e
       WHERE e.session_id = c.session_id AND e.type = 'message.queued' AND json_extract(e.data, '$.channel') = 'sms')
        AS sms_segments,
      (SELECT COUNT(*) FROM events e WHERE e.session_id = c.session_id AND e.type = 'message.queued'
       AND json_extract(e.data, '$.channel') = 'email') AS emails
    FROM events c WHERE c.type = 'session.created'
  ),
  f AS (
    SELECT *, (redeemed OR outcome IS 'order_accepted') AS order_accepted FROM s
  )`;

export interface RawCounts {
  created: number;
  sent: number;
  delivered: number;
  verified: number;
  orderAccepted: number;
  open: number;
  wrongCodes: number;
  messages: number;
  smsSegments: number;
  emails: number;
  outcomes: Record<string, number>;
  attempts: number[];
  timeToVerifyMs: number[];
  delivery: {
    provider: string;
    channel: string;
    country: string;
    sent: number;
    delivered: number;
    failed: number;
    attemptFailures: number;
    latencies: number[];
  }[];
  reasons: { kind: string; reason: string; count: number }[];
}

export function rawCounts(dataDir: string, filter: { brand?: string; country?: string }): RawCounts {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  const where = `(@brand IS NULL OR brand = @brand) AND (@country IS NULL OR country = @country)`;
  const joinedWhere = `(@brand IS NULL OR f.brand = @brand) AND (@country IS NULL OR f.country = @country)`;
  const parameters = { brand: filter.brand ?? null, country: filter.country ?? null };
  try {
    const totals = db
      .prepare(
        `${SESSIONS} SELECT COUNT(*) AS created,
           COALESCE(SUM(order_accepted OR verified_event OR receipt OR sent_message), 0) AS sent,
           COALESCE(SUM(order_accepted OR verified_event OR receipt), 0) AS delivered,
           COALESCE(SUM(order_accepted OR verified_event), 0) AS verified,
           COALESCE(SUM(order_accepted), 0) AS orderAccepted, COALESCE(SUM(outcome IS NULL), 0) AS open,
           COALESCE(SUM(wrong_codes), 0) AS wrongCodes, COALESCE(SUM(messages), 0) AS messages,
           COALESCE(SUM(sms_segments), 0) AS smsSegments, COALESCE(SUM(emails), 0) AS emails
         FROM f WHERE ${where}`,
      )
      .get(parameters) as Omit<RawCounts, 'outcomes' | 'attempts' | 'timeToVerifyMs' | 'delivery' | 'reasons'>;
    const outcomes = db
      .prepare(
        `${SESSIONS} SELECT outcome, COUNT(*) AS count FROM f WHERE ${where} AND outcome IS NOT NULL GROUP BY outcome`,
      )
      .all(parameters) as { outcome: string; count: number }[];
    const verifications = db
      .prepare(
        `${SESSIONS} SELECT json_extract(e.data, '$.attempts') AS attempts, json_extract(e.data, '$.msSinceCreated') AS ms
         FROM events e JOIN f ON f.id = e.session_id WHERE e.type = 'session.verified' AND ${joinedWhere}`,
      )
      .all(parameters) as { attempts: number; ms: number }[];
    const messageEvents = db
      .prepare(
        `${SESSIONS} SELECT e.type, COALESCE(NULLIF(json_extract(e.data, '$.provider'), ''), 'none') AS provider,
           json_extract(e.data, '$.channel') AS channel, f.country, json_extract(e.data, '$.latencyMs') AS latency
         FROM events e JOIN f ON f.id = e.session_id
         WHERE (e.type IN ('message.sent', 'message.delivered', 'message.failed', 'message.attempt_failed')
           OR (e.type = 'message.dead_lettered' AND json_extract(e.data, '$.by') IS NOT 'operator')) AND ${joinedWhere}`,
      )
      .all(parameters) as {
      type: string;
      provider: string;
      channel: string;
      country: string;
      latency: number | null;
    }[];
    const reasons = db
      .prepare(
        `${SESSIONS} SELECT kind, reason, COUNT(*) AS count FROM (
           SELECT CASE e.type WHEN 'message.failed' THEN 'message_failed' WHEN 'message.dead_lettered' THEN 'message_failed'
             WHEN 'message.attempt_failed' THEN 'attempt_failed' WHEN 'token.refused' THEN 'token_refused'
             ELSE 'blocked' END AS kind,
             json_extract(e.data, '$.reason') AS reason, e.brand, COALESCE(f.country, '') AS country
           FROM events e LEFT JOIN f ON f.id = e.session_id
           WHERE e.type IN ('message.failed', 'message.dead_lettered', 'message.attempt_failed', 'token.refused',
             'session.blocked'))
         WHERE ${where} GROUP BY kind, reason ORDER BY count DESC, kind, reason`,
      )
      .all(parameters) as RawCounts['reasons'];
    const delivery = new Map<string, RawCounts['delivery'][number]>();
    for (const event of messageEvents) {
      const key = JSON.stringify([event.provider, event.channel, event.country]);
      const row = delivery.get(key) ?? {
        provider: event.provider,
        channel: event.channel,
        country: event.country,
        sent: 0,
        delivered: 0,
        failed: 0,
        attemptFailures: 0,
        latencies: [],
      };
      delivery.set(key, row);
      if (event.type === 'message.sent') {
        row.sent += 1;
        if (event.latency !== null) row.latencies.push(event.latency);
      }
      if (event.type === 'message.delivered') row.delivered += 1;
      if (event.type === 'message.failed' || event.type === 'message.dead_lettered') row.failed += 1;
      if (event.type === 'message.attempt_failed') row.attemptFailures += 1;
    }
    return {
      ...totals,
      outcomes: Object.fromEntries(outcomes.map((row) => [row.outcome, row.count])),
      attempts: verifications.map((row) => row.attempts),
      timeToVerifyMs: verifications.map((row) => row.ms),
      delivery: [...delivery.values()],
      reasons,
    };
  } finally {
    db.close();
  }
}

/** Sessions created, and how many `session.ended` each has, with the newest outcome. */
export function outcomesPerSession(dataDir: string): { id: string; ended: number; outcome: string | null }[] {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT c.session_id AS id,
           (SELECT COUNT(*) FROM events e WHERE e.session_id = c.session_id AND e.type = 'session.ended') AS ended,
           (SELECT outcome FROM sessions WHERE id = c.session_id) AS outcome
         FROM events c WHERE c.type = 'session.created'`,
      )
      .all() as { id: string; ended: number; outcome: string | null }[];
  } finally {
    db.close();
  }
}
