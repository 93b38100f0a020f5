import type { BreakerSettings } from './circuit-breaker.js';
import { CircuitBreaker } from './circuit-breaker.js';

/** One circuit breaker per provider name, made on first use; in memory, per verifier process. */
export class ProviderBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly clock: () => number,
  ) {}

  of(provider: string): CircuitBreaker {
    let breaker = this.breakers.get(provider);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(this.settings, this.clock);
      this.breakers.set(provider, breaker);
    }
    return breaker;
  }

  entries(): [string, CircuitBreaker][] {
    return [...this.breakers];
  }
}
