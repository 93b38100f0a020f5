import type { Database } from 'better-sqlite3';
import type { ActivityRow, LiveEvent } from './analytics-port.js';
import type { EventRow } from '../store/sqlite/event-rows.js';
import { storedEventOf } from '../store/sqlite/event-rows.js';

interface ActivityCounts {
  brand: string;
  country: string;
  prefix: string;
  created: number;
  verified: number;
  wrong_codes: number;
  messages: number;
  messages_failed: number;
  messages_delivered: number;
}

type LiveRow = EventRow & { country: string };

/**
 * Reads of the raw event log for a recent window (minutes, by events(at)) up to the fold's watermark (`asOf`), each
 * event placed by its session's country and number prefix as the fold knows them.
 */
export function rawEventQueries(db: Database) {
  // created/verified: the sessions created in the window and, from the fold's row of each, whether it is verified
  // by now (the funnel's definition: an accepted order proves it), so the two count the same sessions.
  const activity = db.prepare<
    [{ from: number; to: number; asOf: number; brand: string | null; byPrefix: number }],
    ActivityCounts
  >(
    `SELECT e.brand, COALESCE(s.country, '') AS country,
       CASE WHEN @byPrefix = 1 THEN COALESCE(s.prefix, '') ELSE '' END AS prefix,
       SUM(e.type = 'session.created') AS created,
       COALESCE(SUM(e.type = 'session.created' AND (s.verified = 1 OR s.redeemed = 1 OR s.outcome = 'order_accepted')),
         0) AS verified,
       SUM(e.type = 'code.wrong') AS wrong_codes, SUM(e.type = 'message.queued') AS messages,
       SUM(e.type = 'message.failed' OR (e.type = 'message.dead_lettered'
         AND json_extract(e.data, '$.by') IS NOT 'operator')) AS messages_failed,
       SUM(e.type = 'message.delivered') AS messages_delivered
     FROM events e LEFT JOIN analytics_sessions s ON s.id = e.session_id
     WHERE e.at >= @from AND e.at < @to AND e.id <= @asOf AND (@brand IS NULL OR e.brand = @brand)
       AND e.type IN ('session.created', 'code.wrong', 'message.queued', 'message.failed', 'message.dead_lettered',
         'message.delivered')
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  const after = db.prepare<[{ afterId: number; asOf: number; limit: number; brand: string | null }], LiveRow>(
    `SELECT e.*, COALESCE(s.country, '') AS country FROM events e LEFT JOIN analytics_sessions s ON s.id = e.session_id
     WHERE e.id > @afterId AND e.id <= @asOf AND (@brand IS NULL OR e.brand = @brand) ORDER BY e.id LIMIT @limit`,
  );
  return {
    activity: (
      window: { from: number; to: number; brand?: string; by: 'country' | 'prefix' },
      asOf: number,
    ): ActivityRow[] =>
      activity
        .all({
          from: window.from,
          to: window.to,
          asOf,
          brand: window.brand ?? null,
          byPrefix: window.by === 'prefix' ? 1 : 0,
        })
        .map((row) => ({
          brand: row.brand,
          country: row.country,
          prefix: row.prefix,
          created: row.created,
          verified: row.verified,
          wrongCodes: row.wrong_codes,
          messages: row.messages,
          messagesFailed: row.messages_failed,
          messagesDelivered: row.messages_delivered,
        })),
    eventsAfter: (afterId: number, asOf: number, options: { limit: number; brand?: string }): LiveEvent[] =>
      after
        .all({ afterId, asOf, limit: options.limit, brand: options.brand ?? null })
        .map((row): LiveEvent => ({ ...storedEventOf(row), country: row.country })),
  };
}
