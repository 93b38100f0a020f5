import type { Analytics, AnalyticsFilter, Granularity } from '@otp-verify/verifier/analytics';
import { percentile } from '../flow/stats.js';

export interface View {
  name: string;
  filter: AnalyticsFilter;
  granularity: Granularity;
}

export interface ViewTiming {
  name: string;
  coldMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  runs: number;
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * Each view once on `cold` (a connection that has read nothing yet), then `runs` times on `warm`, round-robin so
 * no view has the cache to itself.
 */
export function measureViews(views: readonly View[], cold: Analytics, warm: Analytics, runs: number): ViewTiming[] {
  const coldMs = views.map((view) => timed(() => cold.overview(view.filter, view.granularity)));
  const samples = views.map((): number[] => []);
  for (let run = 0; run < runs; run += 1) {
    views.forEach((view, index) => samples[index]?.push(timed(() => warm.overview(view.filter, view.granularity))));
  }
  return views.map((view, index) => {
    const sorted = [...(samples[index] as number[])].sort((a, b) => a - b);
    return {
      name: view.name,
      coldMs: coldMs[index] as number,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted.at(-1) as number,
      runs,
    };
  });
}
