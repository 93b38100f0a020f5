import type { ActivityRow } from './analytics-port.js';
import { HOUR_MS, periodCover } from './periods.js';
import type { RollupQueries } from './rollup-queries.js';

/** Each brand's rollup counts over the whole hours of [from, to), divided by those hours; none without one. */
export function hourlyBaseline(
  rollups: RollupQueries,
  window: { from: number; to: number; brand?: string },
): ActivityRow[] {
  const from = Math.ceil(window.from / HOUR_MS) * HOUR_MS;
  const to = Math.floor(window.to / HOUR_MS) * HOUR_MS;
  const hours = (to - from) / HOUR_MS;
  if (hours < 1) return [];
  return rollups.brandTotals({ ...periodCover(from, to), brand: window.brand ?? null, country: null }).map((row) => ({
    brand: row.brand,
    country: '',
    prefix: '',
    created: row.created / hours,
    verified: row.verified / hours,
    wrongCodes: row.wrong_codes / hours,
    messages: row.messages / hours,
    messagesFailed: row.messages_failed / hours,
    messagesDelivered: row.messages_delivered / hours,
  }));
}
