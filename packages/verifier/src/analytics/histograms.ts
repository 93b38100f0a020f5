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

/** The lowest value a bucket holds (a bucket is named by its highest). */
export type BucketFloor = (bucket: number) => number;

/** Buckets of exact values (attempts): each holds one value. */
export const exactValue: BucketFloor = (bucket) => bucket;

/** A duration bucket holds what is above the bound before it (from 0 for the first). */
export const durationFloor: BucketFloor = (bucket) =>
  (DURATION_BOUNDS_MS as readonly number[])[(DURATION_BOUNDS_MS as readonly number[]).indexOf(bucket) - 1] ?? 0;

/**
 * Count and mean are exact (from the sum). A percentile is an estimate from the buckets: linear within the bucket
 * holding its rank, from the bucket's floor to its top, the top lowered to what the exact sum allows (every sample
 * is at least its bucket's floor, so none is above its own floor plus the sum minus every sample's floor). Buckets
 * of exact values give exact values.
 */
export function distributionOf(histogram: Histogram, sum: number, floorOf: BucketFloor): Distribution {
  const buckets = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const count = buckets.reduce((total, [, n]) => total + n, 0);
  const slack = Math.max(0, sum - buckets.reduce((total, [bucket, n]) => total + n * floorOf(bucket), 0));
  const percentile = (p: number): number | null => {
    const rank = p * count;
    let below = 0;
    for (const [bucket, n] of buckets) {
      if (below + n >= rank) {
        const floor = floorOf(bucket);
        const top = Math.min(bucket, floor + slack);
        return floor + ((top - floor) * (rank - below)) / n;
      }
      below += n;
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
