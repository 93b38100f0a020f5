import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '../store/port.js';
import type { EventRow } from './event-rows.js';
import { storedEventOf } from './event-rows.js';
import { foldEvent } from './fold-event.js';
import { RollupDeltas, prepareDeltaStatements } from './rollup-deltas.js';
import { sessionBatches } from './session-rows.js';

export const DEFAULT_FOLD_BATCH = 20_000;

/**
 * The fold: events past the watermark, added to the rollups in one IMMEDIATE transaction that also moves the
 * watermark. The watermark is read inside that transaction, after the write lock is taken, so processes folding
 * at once take turns and never count an event twice.
 */
export function folder(db: Database): (maxEvents?: number) => StoredEvent[] {
  const watermark = db.prepare<[], { event_id: number }>('SELECT event_id FROM analytics_watermark WHERE id = 1');
  const moveWatermark = db.prepare<[number]>('UPDATE analytics_watermark SET event_id = ? WHERE id = 1');
  const pending = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?');
  const statements = prepareDeltaStatements(db);
  const newBatch = sessionBatches(db);
  const fold = db.transaction((maxEvents: number): StoredEvent[] => {
    const after = (watermark.get() as { event_id: number }).event_id;
    const events = pending.all(after, maxEvents).map(storedEventOf);
    if (events.length === 0) return events;
    const sessions = newBatch();
    const deltas = new RollupDeltas();
    for (const event of events) foldEvent(event, sessions, deltas);
    sessions.save();
    deltas.flush(statements);
    moveWatermark.run((events.at(-1) as StoredEvent).id);
    return events;
  });
  return (maxEvents = DEFAULT_FOLD_BATCH) => fold.immediate(maxEvents);
}
