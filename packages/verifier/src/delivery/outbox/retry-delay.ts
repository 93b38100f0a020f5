export interface RetrySettings {
  /** The first retry waits up to this long. */
  baseMs: number;
  /** No retry waits longer. */
  maxMs: number;
}

/**
 * Exponential back-off with full jitter (a random wait between 0 and base·2^(n−1), capped): retries of many
 * messages after one outage spread out instead of arriving together. `failures` counts from 1.
 */
export function retryDelay(settings: RetrySettings, failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.floor(random() * ceiling);
}
