import type { Database } from 'better-sqlite3';
import { SUM_OF_COUNTS } from './count-columns.js';
import type { Counts } from './count-columns.js';
import type { Granularity, ReasonKind } from './figures.js';
import { DAY_MS, coverRows } from './periods.js';
import type { PeriodCover } from './periods.js';

/** The bound parameters of every rollup query: a cover and the optional brand and country (null: all). */
export interface RollupParameters extends PeriodCover {
  brand: string | null;
  country: string | null;
}

export type CountryCounts = Counts & { country: string };
export type SeriesCounts = Counts & { t: number };
export interface BucketCount {
  metric: string;
  dimension: string;
  country: string;
  bucket: number;
  count: number;
}
export interface DeliveryCounts {
  provider: string;
  channel: 'sms' | 'email';
  country: string;
  sent: number;
  delivered: number;
  failed: number;
  attempt_failures: number;
  latency_sum: number;
}
export interface BrandTotals {
  brand: string;
  created: number;
  verified: number;
  wrong_codes: number;
  messages: number;
  messages_failed: number;
  messages_delivered: number;
}
export interface ReasonCount {
  kind: ReasonKind;
  reason: string;
  count: number;
}

const WHERE = '(@brand IS NULL OR brand = @brand) AND (@country IS NULL OR country = @country)';

/** The queries behind the overview; each reads the rollups of one period cover only. */
export function rollupQueries(db: Database) {
  const byCountry = db.prepare<[RollupParameters], CountryCounts>(
    `SELECT country, ${SUM_OF_COUNTS} FROM ${coverRows('analytics_counts')} WHERE ${WHERE} GROUP BY country`,
  );
  const histograms = db.prepare<[RollupParameters], BucketCount>(
    `SELECT metric, dimension, country, bucket, SUM(count) AS count FROM ${coverRows('analytics_histograms')}
     WHERE ${WHERE} GROUP BY metric, dimension, country, bucket`,
  );
  const delivery = db.prepare<[RollupParameters], DeliveryCounts>(
    `SELECT provider, channel, country, SUM(sent) AS sent, SUM(delivered) AS delivered, SUM(failed) AS failed,
       SUM(attempt_failures) AS attempt_failures, SUM(latency_sum) AS latency_sum
     FROM ${coverRows('analytics_delivery')} WHERE ${WHERE}
     GROUP BY provider, channel, country ORDER BY provider, channel, country`,
  );
  const reasons = db.prepare<[RollupParameters], ReasonCount>(
    `SELECT kind, reason, SUM(count) AS count FROM ${coverRows('analytics_reasons')} WHERE ${WHERE}
     GROUP BY kind, reason HAVING SUM(count) > 0 ORDER BY count DESC, kind, reason`,
  );
  const hourly = db.prepare<[RollupParameters], SeriesCounts>(
    `SELECT start AS t, ${SUM_OF_COUNTS} FROM analytics_counts
     WHERE span = 'hour' AND start >= @from AND start < @to AND ${WHERE} GROUP BY start`,
  );
  const daily = db.prepare<[RollupParameters], SeriesCounts>(
    `SELECT (start / ${DAY_MS}) * ${DAY_MS} AS t, ${SUM_OF_COUNTS} FROM ${coverRows('analytics_counts')}
     WHERE ${WHERE} GROUP BY t`,
  );
  const countries = db.prepare<[RollupParameters], { country: string }>(
    `SELECT DISTINCT country FROM ${coverRows('analytics_counts')}
     WHERE ${WHERE} AND country != '' AND (created > 0 OR sent > 0) ORDER BY country`,
  );
  const brandsWithSessions = db.prepare<[RollupParameters], { brands: number }>(
    `SELECT COUNT(DISTINCT brand) AS brands FROM ${coverRows('analytics_counts')} WHERE ${WHERE} AND created > 0`,
  );
  const brandTotals = db.prepare<[RollupParameters], BrandTotals>(
    `SELECT c.brand, c.created, c.verified, c.wrong_codes, c.messages,
       COALESCE(d.failed, 0) AS messages_failed, COALESCE(d.delivered, 0) AS messages_delivered
     FROM (SELECT brand, SUM(created) AS created, SUM(verified) AS verified, SUM(wrong_codes) AS wrong_codes,
         SUM(messages) AS messages
       FROM ${coverRows('analytics_counts')} WHERE ${WHERE} GROUP BY brand) c
     LEFT JOIN (SELECT brand, SUM(failed) AS failed, SUM(delivered) AS delivered
       FROM ${coverRows('analytics_delivery')} WHERE ${WHERE} GROUP BY brand) d ON d.brand = c.brand
     ORDER BY c.brand`,
  );
  return {
    brandTotals: (parameters: RollupParameters) => brandTotals.all(parameters),
    byCountry: (parameters: RollupParameters) => byCountry.all(parameters),
    histograms: (parameters: RollupParameters) => histograms.all(parameters),
    delivery: (parameters: RollupParameters) => delivery.all(parameters),
    reasons: (parameters: RollupParameters) => reasons.all(parameters),
    series: (parameters: RollupParameters, granularity: Granularity) =>
      (granularity === 'hour' ? hourly : daily).all(parameters),
    countries: (parameters: RollupParameters) => countries.all(parameters).map((row) => row.country),
    brandsWithSessions: (parameters: RollupParameters) =>
      (brandsWithSessions.get(parameters) as { brands: number }).brands,
  };
}

export type RollupQueries = ReturnType<typeof rollupQueries>;
