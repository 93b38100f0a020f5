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
/** Blocks of one value (a prefix, a network, a country) in one country: priced by that country. */
export interface FraudValueCounts {
  value: string;
  country: string;
  blocked: number;
  blocked_segments: number;
}
export type FraudReasonCounts = Omit<FraudTotals, 'blocked_segments'> & { reason: string };
export interface FraudSeriesCounts {
  t: number;
  reason: string;
  blocked: number;
}

const WHERE = '(@brand IS NULL OR brand = @brand) AND (@country IS NULL OR country = @country)';
const FRAUD_ROWS = coverRows('analytics_fraud');

/** The queries behind the fraud view: each reads the fraud rollups of one period cover only. */
export function fraudQueries(db: Database) {
  const totals = db.prepare<[RollupParameters], FraudTotals>(
    `SELECT COALESCE(SUM(blocked), 0) AS blocked, COALESCE(SUM(blocked_segments), 0) AS blocked_segments,
       COALESCE(SUM(challenged), 0) AS challenged, COALESCE(SUM(dry_run_hits), 0) AS dry_run_hits
     FROM ${FRAUD_ROWS} WHERE ${WHERE} AND dimension = 'total'`,
  );
  const byCountry = db.prepare<[RollupParameters], FraudValueCounts>(
    `SELECT country AS value, country, SUM(blocked) AS blocked, SUM(blocked_segments) AS blocked_segments
     FROM ${FRAUD_ROWS} WHERE ${WHERE} AND dimension = 'total' GROUP BY country HAVING SUM(blocked) > 0`,
  );
  const byValue = db.prepare<[RollupParameters & { dimension: FraudDimension }], FraudValueCounts>(
    `SELECT value, country, SUM(blocked) AS blocked, SUM(blocked_segments) AS blocked_segments
     FROM ${FRAUD_ROWS} WHERE ${WHERE} AND dimension = @dimension GROUP BY value, country HAVING SUM(blocked) > 0`,
  );
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
    byCountry: (parameters: RollupParameters) => byCountry.all(parameters),
    byValue: (parameters: RollupParameters, dimension: 'prefix' | 'network') =>
      byValue.all({ ...parameters, dimension }),
    reasons: (parameters: RollupParameters) => reasons.all(parameters),
    series: (parameters: RollupParameters, granularity: Granularity) =>
      (granularity === 'hour' ? hourly : daily).all(parameters),
    runningBlocks: (brand: string | null, now: number) => runningBlocks.all({ brand, now }),
  };
}

export type FraudQueries = ReturnType<typeof fraudQueries>;
