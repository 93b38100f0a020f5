import type { Distribution } from './figures.js';

/** Upper bounds (ms) of the duration buckets, 1-2-5 steps; a longer duration counts in the last bucket. */
export const DURATION_BOUNDS_MS = [
  100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 3_600_000,
] as const;

const LONGEST = DURATION_BOUNDS_MS[DURATION_BOUNDS_MS.length - 1] as number;

/** The bucket of a duration: the smallest upper bound it does not exceed. */
export function durationBucket(ms: number): number {
  return DURATION_BOUNDS_MS.find((bound) => ms <= bound) ?? LONGEST;
}

export type Histogram = Map<number, number>;

export function addToHistogram(histogram: Histogram, bucket: number, count: number): void {
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + count);
}

/**
 * Count and mean are exact (from the sum); each percentile is the bucket holding its nearest-rank sample (for
 * durations, the bucket's upper bound; for attempts, the exact value).
 */
export function distributionOf(histogram: Histogram, sum: number): Distribution {
  const buckets = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const count = buckets.reduce((total, [, n]) => total + n, 0);
  const percentile = (p: number): number | null => {
    if (count === 0) return null;
    const rank = Math.max(1, Math.ceil(p * count));
    let seen = 0;
    for (const [bucket, n] of buckets) {
      seen += n;
      if (seen >= rank) return bucket;
    }
    return null;
  };
  return {
    count,
    mean: count === 0 ? null : sum / count,
    p50: percentile(0.5),
    p90: percentile(0.9),
    p99: percentile(0.99),
  };
}
