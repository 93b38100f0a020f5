import type { AnalyticsFilter, FraudSeries, FraudTopRow, Granularity, PriceTable } from './figures.js';
import { roundedAmount, smsSegmentPrice } from './figures-of.js';
import type { FraudReasonCounts, FraudSeriesCounts, FraudValueCounts } from './fraud-queries.js';
import { DAY_MS, HOUR_MS } from './periods.js';

/** Reasons the chart draws a line for; the rest are summed into `other`. */
export const CHARTED_REASONS = 6;
export const OTHER_REASONS = 'other';
/** Rows of each top list. */
export const TOP_ROWS = 10;

/** The order SQLite's BINARY collation gives, whatever the locale: the same ties cut the same way everywhere. */
const byCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Values by their blocks (their countries' rows added up, each priced by its country), the top `TOP_ROWS`. */
export function topRowsOf(rows: readonly FraudValueCounts[], prices: PriceTable): FraudTopRow[] {
  const byValue = new Map<string, FraudTopRow>();
  for (const row of rows) {
    const top = byValue.get(row.value) ?? { value: row.value, blocked: 0, blockedSegments: 0, moneySaved: 0 };
    top.blocked += row.blocked;
    top.blockedSegments += row.blocked_segments;
    top.moneySaved += row.blocked_segments * smsSegmentPrice(prices, row.country);
    byValue.set(row.value, top);
  }
  return [...byValue.values()]
    .map((row) => ({ ...row, moneySaved: roundedAmount(row.moneySaved) }))
    .sort((a, b) => b.blocked - a.blocked || byCodePoints(a.value, b.value))
    .slice(0, TOP_ROWS);
}

/** Every blocked segment by the price of its country. */
export function moneySavedOf(byCountry: readonly FraudValueCounts[], prices: PriceTable) {
  const amount = byCountry.reduce((sum, row) => sum + row.blocked_segments * smsSegmentPrice(prices, row.country), 0);
  return { amount: roundedAmount(amount), currency: prices.currency };
}

/** One point per hour or day of the period, a count per charted reason (zeros where nothing was blocked). */
export function fraudSeriesOf(
  rows: readonly FraudSeriesCounts[],
  reasons: readonly FraudReasonCounts[],
  filter: AnalyticsFilter,
  granularity: Granularity,
): FraudSeries {
  const blocking = reasons.filter((row) => row.blocked > 0).sort((a, b) => b.blocked - a.blocked);
  const charted = blocking.slice(0, CHARTED_REASONS).map((row) => row.reason);
  const lines = blocking.length > CHARTED_REASONS ? [...charted, OTHER_REASONS] : charted;
  const step = granularity === 'hour' ? HOUR_MS : DAY_MS;
  const counts = new Map<number, number[]>();
  for (const row of rows) {
    const line = charted.includes(row.reason) ? charted.indexOf(row.reason) : charted.length;
    const point = counts.get(row.t) ?? new Array<number>(lines.length).fill(0);
    point[line] = (point[line] ?? 0) + row.blocked;
    counts.set(row.t, point);
  }
  const points: FraudSeries['points'] = [];
  for (let t = Math.floor(filter.from / step) * step; t < filter.to; t += step) {
    points.push({ t, counts: counts.get(t) ?? new Array<number>(lines.length).fill(0) });
  }
  return { reasons: lines, points };
}
