import type { Database } from 'better-sqlite3';
import type { EventLog } from '../port.js';
import type { EventRow } from './event-rows.js';
import { storedEventOf } from './event-rows.js';

export function sqliteEventLog(db: Database): EventLog {
  const insert = db.prepare<[number, string, string, string | null, string | null, string]>(
    'INSERT INTO events (at, type, brand, session_id, message_id, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const bySession = db.prepare<[string, number, number], EventRow>(
    'SELECT * FROM events WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const all = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?');
  return {
    appendEvent: (event) =>
      void insert.run(
        event.at,
        event.type,
        event.brand,
        event.sessionId ?? null,
        event.messageId ?? null,
        JSON.stringify(event.data ?? {}),
      ),
    listEvents: ({ sessionId, afterId = 0, limit }) =>
      (sessionId === undefined ? all.all(afterId, limit) : bySession.all(sessionId, afterId, limit)).map(storedEventOf),
  };
}
