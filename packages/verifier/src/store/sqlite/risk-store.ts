import type { Database } from 'better-sqlite3';
import type { RiskBlock } from '../../domain/risk/risk-decision.js';
import type { Challenge } from '../../domain/risk/risk-rules.js';
import type { RiskCounter, RiskStore } from '../port.js';

const PURGE_EVERY_MS = 60_000;
/** Ended blocks stay in the table this long, for the fraud view's history. */
const ENDED_BLOCKS_KEPT_MS = 30 * 86_400_000;

/** A block as its row is read: the columns named like `RiskBlock`'s fields. */
const BLOCK_FIELDS = 'brand, scope, subject, started_at AS startedAt, until, sends, verified';

/**
 * The risk engine's memory in SQLite (issue 8). Counters share `rate_counters` with the send limits (their keys start
 * with `risk.`, and that table's purge removes them once their window ends); distinct members live in `risk_sets`,
 * low-conversion blocks in `risk_blocks`. Every change is one statement, or several in an immediate transaction (a
 * savepoint inside the caller's), so counts and blocks stay exact across processes. `now` is the store's clock.
 */
export function sqliteRiskStore(db: Database, now: () => number): RiskStore {
  const addToCounter = db.prepare<[RiskCounter & { amount: number }], { count: number }>(
    `INSERT INTO rate_counters (key, window_start, count, expires_at) VALUES (@key, @windowStart, @amount, @windowEnd)
     ON CONFLICT (key, window_start) DO UPDATE SET count = count + excluded.count
     RETURNING count`,
  );
  const sumCounter = db.prepare<[string, number, number], { total: number }>(
    `SELECT COALESCE(SUM(count), 0) AS total FROM rate_counters WHERE key = ? AND window_start >= ? AND window_start < ?`,
  );
  const addToSet = db.prepare<[RiskCounter & { member: string }]>(
    `INSERT INTO risk_sets (key, window_start, member, expires_at) VALUES (@key, @windowStart, @member, @windowEnd)
     ON CONFLICT DO NOTHING`,
  );
  const setSize = db.prepare<[string, number], { size: number }>(
    'SELECT COUNT(*) AS size FROM risk_sets WHERE key = ? AND window_start = ?',
  );
  const purgeSets = db.prepare<[number]>('DELETE FROM risk_sets WHERE expires_at <= ?');
  const activeBlock = db.prepare<[string, string, string, number], RiskBlock>(
    `SELECT ${BLOCK_FIELDS} FROM risk_blocks WHERE brand = ? AND scope = ? AND subject = ? AND until > ?
     ORDER BY started_at DESC, id DESC LIMIT 1`,
  );
  // One statement: it takes the write lock before it reads, so of two racing processes exactly one inserts.
  const startBlock = db.prepare<[RiskBlock]>(
    `INSERT INTO risk_blocks (brand, scope, subject, started_at, until, sends, verified)
     SELECT @brand, @scope, @subject, @startedAt, @until, @sends, @verified
     WHERE NOT EXISTS (
       SELECT 1 FROM risk_blocks WHERE brand = @brand AND scope = @scope AND subject = @subject AND until > @startedAt
     )`,
  );
  const listBlocks = db.prepare<[{ brand: string | null; now: number }], RiskBlock>(
    `SELECT ${BLOCK_FIELDS} FROM risk_blocks WHERE until > @now AND (@brand IS NULL OR brand = @brand)
     ORDER BY started_at DESC, id DESC`,
  );
  const purgeBlocks = db.prepare<[number]>('DELETE FROM risk_blocks WHERE until <= ?');
  // A column that is not a JSON array (never written so) is replaced, not trusted; a challenge already there stays once.
  const markPassed = db.prepare<[{ id: string; challenge: Challenge; now: number }]>(
    `UPDATE sessions SET challenges_passed = CASE
       WHEN NOT json_valid(challenges_passed) THEN json_array(@challenge)
       WHEN json_type(challenges_passed) <> 'array' THEN json_array(@challenge)
       WHEN EXISTS (SELECT 1 FROM json_each(sessions.challenges_passed) WHERE value = @challenge) THEN challenges_passed
       ELSE json_insert(challenges_passed, '$[#]', @challenge)
     END
     WHERE id = @id AND status IN ('created', 'sent') AND expires_at > @now`,
  );
  let setsPurgedAt = Number.NEGATIVE_INFINITY;

  const addToCounters = db.transaction((counters: readonly RiskCounter[], amount: number) =>
    counters.map((counter) => (addToCounter.get({ ...counter, amount }) as { count: number }).count),
  );
  const addToSets = db.transaction((sets: readonly RiskCounter[], member: string) =>
    sets.map((set) => {
      addToSet.run({ ...set, member });
      return (setSize.get(set.key, set.windowStart) as { size: number }).size;
    }),
  );

  return {
    addToRiskCounters: (counters, amount) => addToCounters.immediate(counters, amount),
    sumRiskCounter: (key, from, to) => (sumCounter.get(key, from, to) as { total: number }).total,
    addToDistinctSets: (sets, member, at) => {
      if (at - setsPurgedAt >= PURGE_EVERY_MS) {
        purgeSets.run(at);
        setsPurgedAt = at;
      }
      return addToSets.immediate(sets, member);
    },
    activeRiskBlock: (brand, scope, subject, at) => activeBlock.get(brand, scope, subject, at),
    startRiskBlock: (block) => startBlock.run(block).changes === 1,
    listRiskBlocks: ({ brand, now: at }) => {
      purgeBlocks.run(at - ENDED_BLOCKS_KEPT_MS);
      return listBlocks.all({ brand: brand ?? null, now: at });
    },
    markChallengePassed: (sessionId, challenge) =>
      markPassed.run({ id: sessionId, challenge, now: now() }).changes === 1,
  };
}
