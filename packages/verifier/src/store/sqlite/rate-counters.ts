import type { Database } from 'better-sqlite3';
import type { CounterHit } from '../../domain/limits.js';
import type { LimitStore } from '../port.js';

/** Thrown inside the counting transaction to undo it when a counter is full. */
class CountersFull extends Error {
  constructor(readonly full: CounterHit[]) {
    super('rate-limit counters full');
  }
}

const PURGE_EVERY_MS = 60_000;

/**
 * Fixed-window counters in SQLite. A take is one conditional upsert per counter
 * (INSERT … ON CONFLICT DO UPDATE … WHERE count < max RETURNING), all inside one immediate transaction
 * (or a savepoint of the caller's), so concurrent requests and processes never exceed a max and a
 * refused request takes from no counter. Times come from the injected clock; rows outlive restarts.
 */
export function sqliteRateCounters(db: Database): LimitStore {
  const take = db.prepare<[string, number, number, number], { count: number }>(
    `INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 WHERE count < ?
     RETURNING count`,
  );
  const give = db.prepare<[string, number]>(
    'UPDATE rate_counters SET count = count - 1 WHERE key = ? AND window_start = ? AND count > 0',
  );
  const purge = db.prepare<[number]>('DELETE FROM rate_counters WHERE expires_at <= ?');
  let purgedAt = Number.NEGATIVE_INFINITY;

  const takeAll = db.transaction((hits: readonly CounterHit[]) => {
    const full = hits.filter((hit) => take.get(hit.key, hit.windowStart, hit.windowEnd, hit.max) === undefined);
    if (full.length > 0) throw new CountersFull(full);
  });
  const giveAll = db.transaction((hits: readonly CounterHit[]) => {
    for (const hit of hits) give.run(hit.key, hit.windowStart);
  });

  return {
    takeFromCounters: (hits, now) => {
      if (now - purgedAt >= PURGE_EVERY_MS) {
        purge.run(now);
        purgedAt = now;
      }
      try {
        takeAll.immediate(hits);
        return [];
      } catch (error) {
        if (error instanceof CountersFull) return error.full;
        throw error;
      }
    },
    returnToCounters: (hits) => giveAll.immediate(hits),
  };
}
