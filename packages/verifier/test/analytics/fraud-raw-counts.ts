import Database from 'better-sqlite3';
import type { PriceTable } from '../../src/analytics/figures.js';
import { databaseFile } from '../../src/store/sqlite/sqlite-store.js';

/**
 * The fraud view's figures computed straight from the raw `events` table with SQL, independently of the fold
 * (risk-events.ts): what every figure of `Analytics.fraud` must equal.
 */
export interface RawFraud {
  blocked: number;
  blockedSegments: number;
  challenged: number;
  dryRunSends: number;
  moneySaved: number;
  reasons: { reason: string; blocked: number; challenged: number; dryRunHits: number }[];
  /** Blocks per value, most first: every value (the view keeps the top 10). */
  prefixes: RawTopRow[];
  countries: RawTopRow[];
  networks: RawTopRow[];
  /** Blocks by bucket start and reason. */
  series: { t: number; reason: string; blocked: number }[];
  runningBlocks: { brand: string; subject: string; since: number; until: number; sends: number; verified: number }[];
}

export interface RawTopRow {
  value: string;
  blocked: number;
  blockedSegments: number;
  moneySaved: number;
}

export interface RawFraudFilter {
  from: number;
  to: number;
  brand?: string;
  country?: string;
  /** The bucket size of the series (an hour or a day, in ms). */
  step: number;
  now: number;
}

/** The filter's condition on the events of `alias`. */
const inFilter = (alias = 'events') => `${alias}.at >= @from AND ${alias}.at < @to
  AND (@brand IS NULL OR ${alias}.brand = @brand)
  AND (@country IS NULL OR COALESCE(json_extract(${alias}.data, '$.country'), '') = @country)`;
const IN_FILTER = inFilter();
const SEGMENTS = `CASE WHEN json_type(data, '$.segments') = 'integer' AND json_extract(data, '$.segments') >= 0
  THEN json_extract(data, '$.segments') ELSE 0 END`;

export function rawFraud(dataDir: string, filter: RawFraudFilter, prices: PriceTable): RawFraud {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  const price = `CASE COALESCE(json_extract(data, '$.country'), '') ${Object.entries(prices.smsSegment)
    .filter(([country]) => country !== 'default')
    .map(([country, amount]) => `WHEN '${country}' THEN ${amount}`)
    .join(' ')} ELSE ${prices.smsSegment.default} END`;
  const parameters = {
    from: filter.from,
    to: filter.to,
    brand: filter.brand ?? null,
    country: filter.country ?? null,
    step: filter.step,
    now: filter.now,
  };
  const blocks = `SELECT *, ${SEGMENTS} AS segments, ${price} AS price FROM events
    WHERE type IN ('session.blocked', 'risk.number_refused') AND ${IN_FILTER}`;
  const count = (type: string) =>
    (
      db.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = '${type}' AND ${IN_FILTER}`).get(parameters) as {
        n: number;
      }
    ).n;
  const top = (field: string) =>
    db
      .prepare(
        `SELECT COALESCE(json_extract(data, '$.${field}'), '') AS value, COUNT(*) AS blocked,
           SUM(segments) AS blockedSegments, SUM(segments * price) AS moneySaved
         FROM (${blocks}) GROUP BY value ORDER BY blocked DESC, value`,
      )
      .all(parameters) as RawTopRow[];
  try {
    const totals = db
      .prepare(
        `SELECT COUNT(*) AS blocked, COALESCE(SUM(segments), 0) AS blockedSegments,
          COALESCE(SUM(segments * price), 0) AS moneySaved FROM (${blocks})`,
      )
      .get(parameters) as Pick<RawFraud, 'blocked' | 'blockedSegments' | 'moneySaved'>;
    const reasons = db
      .prepare(
        `SELECT reason, SUM(blocked) AS blocked, SUM(challenged) AS challenged, SUM(dry_run) AS dryRunHits FROM (
           SELECT COALESCE(NULLIF(json_extract(data, '$.reason'), ''), 'unknown') AS reason,
             1 AS blocked, 0 AS challenged, 0 AS dry_run FROM (${blocks})
           UNION ALL SELECT value, 0, 1, 0 FROM (SELECT DISTINCT e.id, r.value FROM events e,
             json_each(e.data, '$.reasons') r WHERE e.type = 'session.challenged' AND ${inFilter('e')})
           UNION ALL SELECT value, 0, 0, 1 FROM (SELECT DISTINCT e.id, r.value FROM events e,
             json_each(e.data, '$.rules') r WHERE e.type = 'risk.dry_run' AND ${inFilter('e')}))
         GROUP BY reason ORDER BY blocked DESC, challenged DESC, dryRunHits DESC, reason`,
      )
      .all(parameters) as RawFraud['reasons'];
    const series = db
      .prepare(
        `SELECT (at / CAST(@step AS INTEGER)) * CAST(@step AS INTEGER) AS t, COALESCE(NULLIF(json_extract(data, '$.reason'), ''), 'unknown') AS reason,
           COUNT(*) AS blocked FROM (${blocks}) GROUP BY t, reason ORDER BY t, reason`,
      )
      .all(parameters) as RawFraud['series'];
    const runningBlocks = db
      .prepare(
        `SELECT brand, json_extract(data, '$.subject') AS subject, at AS since, json_extract(data, '$.until') AS until,
           json_extract(data, '$.sends') AS sends, json_extract(data, '$.verified') AS verified
         FROM events WHERE type = 'risk.block_started' AND json_extract(data, '$.until') > @now
           AND (@brand IS NULL OR brand = @brand) ORDER BY at DESC, id DESC`,
      )
      .all(parameters) as RawFraud['runningBlocks'];
    return {
      ...totals,
      challenged: count('session.challenged'),
      dryRunSends: count('risk.dry_run'),
      reasons,
      prefixes: top('prefix'),
      countries: top('country'),
      networks: top('network'),
      series,
      runningBlocks,
    };
  } finally {
    db.close();
  }
}
