import Database from 'better-sqlite3';
import { applyMigrations } from '../store/sqlite/migrations.js';
import { databaseFile } from '../store/sqlite/sqlite-store.js';
import { rawEventQueries } from './activity.js';
import type { Analytics, AnalyticsOptions } from './analytics-port.js';
import type { AnalyticsFilter, FraudOverview, Granularity, Overview, SeriesPoint } from './figures.js';
import { countryRowsOf, deliveryRowsOf, figuresOf } from './figures-of.js';
import { catchUp, foldAtMost, folder } from './fold.js';
import { fraudSeriesOf, moneySavedOf, topRowsOf } from './fraud-of.js';
import { fraudQueries } from './fraud-queries.js';
import { hourlyBaseline } from './hourly-baseline.js';
import { DAY_MS, HOUR_MS, periodCover } from './periods.js';
import type { RollupParameters, SeriesCounts } from './rollup-queries.js';
import { rollupQueries } from './rollup-queries.js';

/**
 * Pending events a query folds before it answers (5 batches): after an outage the backlog may be millions of
 * events, and a query must not hold up its process that long; it answers as of the watermark, and `catchUp` folds
 * the rest.
 */
const FOLD_BEFORE_A_QUERY = 10_000;

const parametersOf = (filter: AnalyticsFilter): RollupParameters => ({
  ...periodCover(filter.from, filter.to),
  brand: filter.brand ?? null,
  country: filter.country ?? null,
});

/** One point per hour or day of the period, zeros where nothing happened. */
function denseSeries(rows: readonly SeriesCounts[], filter: AnalyticsFilter, step: number): SeriesPoint[] {
  const byStart = new Map(rows.map((row) => [row.t, row]));
  const points: SeriesPoint[] = [];
  for (let t = Math.floor(filter.from / step) * step; t < filter.to; t += step) {
    const row = byStart.get(t);
    points.push({
      t,
      shown: filter.country === undefined ? (row?.shown ?? 0) : 0,
      created: row?.created ?? 0,
      sent: row?.sent ?? 0,
      verified: row?.verified ?? 0,
      orderAccepted: row?.order_accepted ?? 0,
      wrongCodes: row?.wrong_codes ?? 0,
      failedDelivery: row?.outcome_failed_delivery ?? 0,
    });
  }
  return points;
}

/**
 * The analytics over the verifier's SQLite file (its own connection; the migrations run if the verifier has not
 * run them yet). Brands and countries are always bound parameters.
 */
export function openAnalytics(options: AnalyticsOptions): Analytics {
  const db = new Database(databaseFile(options.dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db, Date.now);
  const fold = folder(db);
  const rollups = rollupQueries(db);
  const fraudRollups = fraudQueries(db);
  const raw = rawEventQueries(db);
  const watermark = db.prepare<[], { event_id: number }>('SELECT event_id FROM analytics_watermark WHERE id = 1');
  const foldPending = () => foldAtMost(fold, FOLD_BEFORE_A_QUERY);
  const asOf = () => (watermark.get() as { event_id: number }).event_id;

  const figuresFor = (parameters: RollupParameters) => {
    const rows = rollups.byCountry(parameters);
    const histograms = rollups.histograms(parameters);
    return {
      rows,
      histograms,
      figures: figuresOf(rows, histograms, { prices: options.prices, countrySelected: parameters.country !== null }),
    };
  };

  // One read transaction: every figure of an overview comes from the same snapshot of the rollups.
  const readOverview = db.transaction((filter: AnalyticsFilter, granularity: Granularity): Overview => {
    const parameters = parametersOf(filter);
    const own = figuresFor(parameters);
    const market = filter.brand === undefined ? own.figures : figuresFor({ ...parameters, brand: null }).figures;
    return {
      filter,
      granularity,
      figures: own.figures,
      market,
      marketBrands: rollups.brandsWithSessions({ ...parameters, brand: null }),
      series: denseSeries(rollups.series(parameters, granularity), filter, granularity === 'hour' ? HOUR_MS : DAY_MS),
      delivery: deliveryRowsOf(rollups.delivery(parameters), own.histograms),
      reasons: rollups.reasons(parameters),
      countries: countryRowsOf(own.rows),
      asOfEventId: asOf(),
    };
  }).deferred;

  const readFraud = db.transaction((filter: AnalyticsFilter, granularity: Granularity, now: number): FraudOverview => {
    const parameters = parametersOf(filter);
    const totals = fraudRollups.totals(parameters);
    const reasons = fraudRollups.reasons(parameters);
    return {
      filter,
      granularity,
      totals: {
        blocked: totals.blocked,
        blockedSegments: totals.blocked_segments,
        challenged: totals.challenged,
        dryRunSends: totals.dry_run_hits,
      },
      moneySaved: moneySavedOf(fraudRollups.segmentsByCountry(parameters), options.prices),
      series: fraudSeriesOf(fraudRollups.series(parameters, granularity), reasons, filter, granularity),
      reasons: reasons.map((row) => ({
        reason: row.reason,
        blocked: row.blocked,
        challenged: row.challenged,
        dryRunHits: row.dry_run_hits,
      })),
      prefixes: topRowsOf(fraudRollups.top(parameters, 'prefix'), options.prices),
      countries: topRowsOf(fraudRollups.top(parameters, 'country'), options.prices),
      networks: topRowsOf(fraudRollups.top(parameters, 'network'), options.prices),
      runningBlocks: fraudRollups.runningBlocks(parameters.brand, now),
      asOfEventId: asOf(),
    };
  }).deferred;

  return {
    fold: (foldOptions) => fold(foldOptions?.maxEvents),
    catchUp: () => catchUp(fold),
    eventsAfter: (afterId, eventOptions) => {
      foldPending();
      return raw.eventsAfter(afterId, asOf(), eventOptions);
    },
    overview: (filter, granularity) => {
      foldPending();
      return readOverview(filter, granularity);
    },
    fraud: (filter, granularity, now) => {
      foldPending();
      return readFraud(filter, granularity, now);
    },
    activity: (window) => {
      foldPending();
      return raw.activity(window, asOf());
    },
    hourlyBaseline: (window) => {
      foldPending();
      return hourlyBaseline(rollups, window);
    },
    countries: (filter) => {
      foldPending();
      return rollups.countries({ ...periodCover(filter.from, filter.to), brand: filter.brand ?? null, country: null });
    },
    close: () => db.close(),
  };
}
