import type { Database } from 'better-sqlite3';
import type { Granularity, RunningBlock } from './figures.js';
import type { FraudDimension } from './fraud-deltas.js';
import { DAY_MS, coverRows } from './periods.js';
import type { RollupParameters } from './rollup-queries.js';

export interface FraudTotals {
  blocked: number;
  blocked_segments: number;
  challenged: number;
  dry_run_hits: number;
}
/** Blocked segments to one country: what the money saved prices by that country. */
export interface FraudCountrySegments {
  country: string;
  blocked_segments: number;
}
/** A top value (a prefix, a network, a country) with its blocks in all and its blocked segments to one country. */
export type FraudTopCounts = FraudCountrySegments & { value: string; blocked: number };
/** The top lists of the fraud view, each the blocks of one value column of one dimension's rows. */
export type FraudTopList = 'prefix' | 'network' | 'country';
export type FraudReasonCounts = Omit<FraudTotals, 'blocked_segments'> & { reason: string };
export interface FraudSeriesCounts {
  t: number;
  reason: string;
  blocked: number;
}

const WHERE = '(@brand IS NULL OR brand = @brand) AND (@country IS NULL OR country = @country)';
const FRAUD_ROWS = coverRows('analytics_fraud');
/** Rows of each top list. */
export const TOP_ROWS = 10;

/** The queries behind the fraud view: each reads the fraud rollups of one period cover only. */
export function fraudQueries(db: Database) {
  const totals = db.prepare<[RollupParameters], FraudTotals>(
    `SELECT COALESCE(SUM(blocked), 0) AS blocked, COALESCE(SUM(blocked_segments), 0) AS blocked_segments,
       COALESCE(SUM(challenged), 0) AS challenged, COALESCE(SUM(dry_run_hits), 0) AS dry_run_hits
     FROM ${FRAUD_ROWS} WHERE ${WHERE} AND dimension = 'total'`,
  );
  const segmentsByCountry = db.prepare<[RollupParameters], FraudCountrySegments>(
    `SELECT country, SUM(blocked_segments) AS blocked_segments FROM ${FRAUD_ROWS}
     WHERE ${WHERE} AND dimension = 'total' GROUP BY country HAVING SUM(blocked_segments) > 0`,
  );
  // Ranked in SQL, ties by value in SQLite's BINARY order; only the top values are split by country to be priced.
  const topOf = (column: 'value' | 'country', dimension: FraudDimension) =>
    db.prepare<[RollupParameters], FraudTopCounts>(
      `WITH own AS (SELECT ${column} AS value, country, blocked, blocked_segments FROM ${FRAUD_ROWS}
         WHERE ${WHERE} AND dimension = '${dimension}'),
       top AS (SELECT value, SUM(blocked) AS blocked FROM own GROUP BY value HAVING SUM(blocked) > 0
         ORDER BY SUM(blocked) DESC, value LIMIT ${TOP_ROWS})
       SELECT top.value, top.blocked, own.country, SUM(own.blocked_segments) AS blocked_segments
       FROM top JOIN own ON own.value = top.value GROUP BY top.value, own.country
       ORDER BY top.blocked DESC, top.value, own.country`,
    );
  const tops: Record<FraudTopList, ReturnType<typeof topOf>> = {
    prefix: topOf('value', 'prefix'),
    network: topOf('value', 'network'),
    country: topOf('country', 'total'),
  };
  const reasons = db.prepare<[RollupParameters], FraudReasonCounts>(
    `SELECT value AS reason, SUM(blocked) AS blocked, SUM(challenged) AS challenged, SUM(dry_run_hits) AS dry_run_hits
     FROM ${FRAUD_ROWS} WHERE ${WHERE} AND dimension = 'reason' GROUP BY value
     HAVING SUM(blocked) + SUM(challenged) + SUM(dry_run_hits) > 0
     ORDER BY blocked DESC, challenged DESC, dry_run_hits DESC, reason`,
  );
  const hourly = db.prepare<[RollupParameters], FraudSeriesCounts>(
    `SELECT start AS t, value AS reason, SUM(blocked) AS blocked FROM analytics_fraud
     WHERE span = 'hour' AND start >= @from AND start < @to AND ${WHERE} AND dimension = 'reason'
     GROUP BY start, value HAVING SUM(blocked) > 0`,
  );
  const daily = db.prepare<[RollupParameters], FraudSeriesCounts>(
    `SELECT (start / ${DAY_MS}) * ${DAY_MS} AS t, value AS reason, SUM(blocked) AS blocked FROM ${FRAUD_ROWS}
     WHERE ${WHERE} AND dimension = 'reason' GROUP BY t, value HAVING SUM(blocked) > 0`,
  );
  const runningBlocks = db.prepare<[{ brand: string | null; now: number }], RunningBlock>(
    `SELECT brand, rule, scope, subject, since, until, sends, verified FROM analytics_risk_blocks
     WHERE until > @now AND (@brand IS NULL OR brand = @brand) ORDER BY since DESC, event_id DESC`,
  );
  return {
    totals: (parameters: RollupParameters) => totals.get(parameters) as FraudTotals,
    segmentsByCountry: (parameters: RollupParameters) => segmentsByCountry.all(parameters),
    /** The top `TOP_ROWS` values of a list, most blocked first: a row per value and country. */
    top: (parameters: RollupParameters, list: FraudTopList) => tops[list].all(parameters),
    reasons: (parameters: RollupParameters) => reasons.all(parameters),
    series: (parameters: RollupParameters, granularity: Granularity) =>
      (granularity === 'hour' ? hourly : daily).all(parameters),
    runningBlocks: (brand: string | null, now: number) => runningBlocks.all({ brand, now }),
  };
}

export type FraudQueries = ReturnType<typeof fraudQueries>;
