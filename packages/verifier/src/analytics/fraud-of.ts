import type { AnalyticsFilter, FraudSeries, FraudTopRow, Granularity, PriceTable } from './figures.js';
import { roundedAmount, smsSegmentPrice } from './figures-of.js';
import type { FraudCountrySegments, FraudReasonCounts, FraudSeriesCounts, FraudTopCounts } from './fraud-queries.js';
import { DAY_MS, HOUR_MS } from './periods.js';

/** Reasons the chart draws a line for; the rest are summed into `other`. */
export const CHARTED_REASONS = 6;
export const OTHER_REASONS = 'other';

const segmentsPrice = (prices: PriceTable, row: FraudCountrySegments): number =>
  row.blocked_segments * smsSegmentPrice(prices, row.country);

/** The top list from its rows per value and country (in the list's order), each country's segments priced. */
export function topRowsOf(rows: readonly FraudTopCounts[], prices: PriceTable): FraudTopRow[] {
  const byValue = new Map<string, FraudTopRow>();
  for (const row of rows) {
    const top = byValue.get(row.value) ?? { value: row.value, blocked: row.blocked, blockedSegments: 0, moneySaved: 0 };
    top.blockedSegments += row.blocked_segments;
    top.moneySaved += segmentsPrice(prices, row);
    byValue.set(row.value, top);
  }
  return [...byValue.values()].map((row) => ({ ...row, moneySaved: roundedAmount(row.moneySaved) }));
}

/** Every blocked segment by the price of its country. */
export function moneySavedOf(byCountry: readonly FraudCountrySegments[], prices: PriceTable) {
  const amount = byCountry.reduce((sum, row) => sum + segmentsPrice(prices, row), 0);
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
