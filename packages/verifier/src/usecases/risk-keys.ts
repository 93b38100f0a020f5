import type { LimitWindow } from '../domain/limits.js';
import { counterHits } from '../domain/limits.js';
import type { RiskCounter } from '../store/port.js';

const HOUR = { max: 0, windowSeconds: 3_600 };
const DAY = { max: 0, windowSeconds: 86_400 };

/** The risk engine's counters of `name` for `subject` at `now`, one per window (keys start with `risk.`). */
export function riskCounters(
  name: string,
  subject: string,
  windows: readonly LimitWindow[],
  now: number,
): RiskCounter[] {
  return counterHits(`risk.${name}`, subject, windows, now).map(({ key, windowStart, windowEnd }) => ({
    key,
    windowStart,
    windowEnd,
  }));
}

/**
 * The hourly counter of a brand's sends (or verified sessions) to a prefix or a country: the conversion. Kept for
 * the longest look-back after its hour (rows are purged at `windowEnd`), since the rule sums past hours.
 */
export function conversionCounter(
  kind: 'sent' | 'verified',
  brand: string,
  scope: 'prefix' | 'country',
  subject: string,
  at: number,
): RiskCounter {
  const hour = riskCounters(`conversion_${kind}`, `${brand}:${scope}:${subject}`, [HOUR], at)[0] as RiskCounter;
  return { ...hour, windowEnd: hour.windowStart + LONGEST_LOOKBACK_MS };
}

/** One hour more than the longest look-back the low-conversion rule allows (config/risk-schema.ts: 168 h). */
const LONGEST_LOOKBACK_MS = 169 * 3_600_000;

/** The brand's spend in the hour and the day of `now`, in micro-units of the price table's currency. */
export function spendCounters(brand: string, now: number): { hour: RiskCounter; day: RiskCounter } {
  const [hour, day] = riskCounters('spend', brand, [HOUR, DAY], now) as [RiskCounter, RiskCounter];
  return { hour, day };
}

/** Money as the spend counters hold it: whole micro-units, so sums stay exact. */
export const MICRO_UNITS = 1_000_000;
