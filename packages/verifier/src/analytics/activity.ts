import type { Database } from 'better-sqlite3';
import type { ActivityRow, LiveEvent } from './analytics-port.js';
import type { EventRow } from './event-rows.js';
import { storedEventOf } from './event-rows.js';

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
 * Reads of the raw event log for a recent window (minutes, by events(at)), each event placed by its session's
 * country and number prefix as the fold knows them (fold first).
 */
export function rawEventQueries(db: Database) {
  const activity = db.prepare<[{ from: number; to: number; brand: string | null; byPrefix: number }], ActivityCounts>(
    `SELECT e.brand, COALESCE(s.country, '') AS country,
       CASE WHEN @byPrefix = 1 THEN COALESCE(s.prefix, '') ELSE '' END AS prefix,
       SUM(e.type = 'session.created') AS created, SUM(e.type = 'session.verified') AS verified,
       SUM(e.type = 'code.wrong') AS wrong_codes, SUM(e.type = 'message.queued') AS messages,
       SUM(e.type = 'message.failed') AS messages_failed, SUM(e.type = 'message.delivered') AS messages_delivered
     FROM events e LEFT JOIN analytics_sessions s ON s.id = e.session_id
     WHERE e.at >= @from AND e.at < @to AND (@brand IS NULL OR e.brand = @brand)
       AND e.type IN ('session.created', 'session.verified', 'code.wrong', 'message.queued', 'message.failed',
         'message.delivered')
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  const after = db.prepare<[{ afterId: number; limit: number; brand: string | null }], LiveRow>(
    `SELECT e.*, COALESCE(s.country, '') AS country FROM events e LEFT JOIN analytics_sessions s ON s.id = e.session_id
     WHERE e.id > @afterId AND (@brand IS NULL OR e.brand = @brand) ORDER BY e.id LIMIT @limit`,
  );
  return {
    activity: (window: { from: number; to: number; brand?: string; by: 'country' | 'prefix' }): ActivityRow[] =>
      activity
        .all({
          from: window.from,
          to: window.to,
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
    eventsAfter: (afterId: number, options: { limit: number; brand?: string }): LiveEvent[] =>
      after
        .all({ afterId, limit: options.limit, brand: options.brand ?? null })
        .map((row): LiveEvent => ({ ...storedEventOf(row), country: row.country })),
  };
}
