import type { BreakerSettings } from './circuit-breaker.js';
import type { RetrySettings } from './retry-delay.js';

export interface OutboxSettings {
  /** One attempt at one provider may take this long; then it counts as failed and the message is retried. */
  attemptTimeoutMs: number;
  /** A claim outlives its attempt by this much before another worker may take the message (a crashed one). */
  leaseMarginMs: number;
  /** Attempts before a message is dead-lettered (it is also dead once its code has expired). */
  maxAttempts: number;
  /**
   * Attempts running at once in this process: its delivery rate is at most concurrency ÷ the gateway's answer
   * time (128 at 200 ms: 640 messages/s).
   */
  concurrency: number;
  /** How often the queue is read besides the wake-ups of new sends (messages of other processes, retries). */
  pollIntervalMs: number;
  retry: RetrySettings;
  breaker: BreakerSettings;
}

/**
 * A code is valid 5 minutes: an attempt gets 10 s, retries start around a second and stay under 30 s, so a
 * message gets its attempts well within the code's life; three failures in a row open a provider's circuit for
 * 30 s, and its messages fail over to the next provider at once.
 */
export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = {
  attemptTimeoutMs: 10_000,
  leaseMarginMs: 5_000,
  maxAttempts: 12,
  concurrency: 128,
  pollIntervalMs: 500,
  retry: { baseMs: 1_000, maxMs: 30_000 },
  breaker: { failureThreshold: 3, openMs: 30_000 },
};
