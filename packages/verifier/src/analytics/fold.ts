import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '../store/port.js';
import type { EventRow } from '../store/sqlite/event-rows.js';
import { storedEventOf } from '../store/sqlite/event-rows.js';
import { foldEvent } from './fold-event.js';
import { FraudDeltas, prepareFraudStatements } from './fraud-deltas.js';
import { RollupDeltas, prepareDeltaStatements } from './rollup-deltas.js';
import { sessionBatches } from './session-rows.js';

/** Events one fold transaction takes at most: short enough that the verifier's writers barely wait for it. */
export const DEFAULT_FOLD_BATCH = 2_000;

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
  const fraudStatements = prepareFraudStatements(db);
  const newBatch = sessionBatches(db);
  const fold = db.transaction((maxEvents: number): StoredEvent[] => {
    const after = (watermark.get() as { event_id: number }).event_id;
    const events = pending.all(after, maxEvents).map(storedEventOf);
    if (events.length === 0) return events;
    const sessions = newBatch();
    const deltas = new RollupDeltas();
    const fraud = new FraudDeltas();
    for (const event of events) {
      foldEvent(event, sessions, deltas);
      fraud.add(event);
    }
    sessions.save();
    deltas.flush(statements);
    fraud.flush(fraudStatements);
    moveWatermark.run((events.at(-1) as StoredEvent).id);
    return events;
  });
  return (maxEvents = DEFAULT_FOLD_BATCH) => fold.immediate(maxEvents);
}

export type Fold = ReturnType<typeof folder>;

/** Folds batch by batch until `limit` events are folded or none is pending; returns how many it folded. */
export function foldAtMost(fold: Fold, limit: number): number {
  let folded = 0;
  while (folded < limit) {
    const batch = fold(Math.min(DEFAULT_FOLD_BATCH, limit - folded)).length;
    if (batch === 0) break;
    folded += batch;
  }
  return folded;
}

/**
 * Folds the backlog batch by batch, yielding to the event loop between batches (each batch its own transaction),
 * so this process's own work and other processes' writes go on during a long catch-up. Stops at the first batch
 * that is not full: the events appended while it ran are left to the next call.
 */
export async function catchUp(fold: Fold): Promise<number> {
  let folded = 0;
  for (;;) {
    const batch = fold(DEFAULT_FOLD_BATCH).length;
    folded += batch;
    if (batch < DEFAULT_FOLD_BATCH) return folded;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
