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
/** Leave to make one attempt; `probe`: it is the half-open circuit's single trial. */
export interface BreakerPermit {
  probe: boolean;
}

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

  /** Leave for an attempt now, or undefined; in half-open state one attempt gets it until it reports back. */
  tryAcquire(): BreakerPermit | undefined {
    const state = this.state();
    if (state === 'closed') return { probe: false };
    if (state === 'open' || this.probing) return undefined;
    this.probing = true;
    return { probe: true };
  }

  /** Whether an attempt could get leave now. */
  isAvailable(): boolean {
    const state = this.state();
    return state === 'closed' || (state === 'half-open' && !this.probing);
  }

  /** When an attempt could get leave at the earliest: the end of the open period, else now (a probe may be out). */
  availableAt(): number {
    return this.state() === 'open' ? this.openUntil : this.clock();
  }

  succeeded(permit: BreakerPermit): void {
    this.failures = 0;
    if (permit.probe) this.probing = false;
  }

  failed(permit: BreakerPermit): void {
    if (permit.probe) this.probing = false;
    this.failures += 1;
    if (this.failures >= this.settings.failureThreshold) this.openUntil = this.clock() + this.settings.openMs;
  }

  /** An attempt that got leave but was not made gives it back. */
  released(permit: BreakerPermit): void {
    if (permit.probe) this.probing = false;
  }
}
