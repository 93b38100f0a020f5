export interface BreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses before it lets one probe through (half-open). */
  openMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * A circuit breaker for one provider: closed, it passes every attempt; after `failureThreshold` consecutive
 * failures it opens and refuses attempts for `openMs`; then it lets a single probe through (half-open): a success
 * closes it, a failure opens it again. Time is the injected clock's.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly settings: BreakerSettings,
    private readonly clock: () => number,
  ) {}

  state(): BreakerState {
    if (this.failures < this.settings.failureThreshold) return 'closed';
    return this.clock() < this.openUntil ? 'open' : 'half-open';
  }

  /** Whether an attempt may go now; in half-open state only one may, until it reports back. */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Whether an attempt could go now, without taking the half-open probe. */
  isAvailable(): boolean {
    const state = this.state();
    return state === 'closed' || (state === 'half-open' && !this.probing);
  }

  /** When an open circuit lets its probe through (now if it is not open). */
  availableAt(): number {
    return this.state() === 'open' ? this.openUntil : this.clock();
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
  }

  failed(): void {
    this.probing = false;
    this.failures += 1;
    if (this.failures >= this.settings.failureThreshold) this.openUntil = this.clock() + this.settings.openMs;
  }

  /** An attempt that took the probe but was not made gives it back. */
  released(): void {
    this.probing = false;
  }
}
