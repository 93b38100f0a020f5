import type { StoredEvent } from '../port.js';

/** A row of the events table as SQLite returns it. */
export interface EventRow {
  id: number;
  at: number;
  type: string;
  brand: string;
  session_id: string | null;
  message_id: string | null;
  data: string;
}

export function storedEventOf(row: EventRow): StoredEvent {
  return {
    id: row.id,
    at: row.at,
    type: row.type,
    brand: row.brand,
    sessionId: row.session_id,
    messageId: row.message_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}
