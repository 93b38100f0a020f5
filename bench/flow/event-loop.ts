/**
 * The verifier's event-loop delay during the measured window, from its own GET /metrics: prom-client's
 * default metrics sample the loop with perf_hooks.monitorEventLoopDelay (10 ms resolution) and reset the
 * histogram on every scrape, so a scrape when the window opens and one when it closes give the window.
 * The histogram holds the interval between samples, so the resolution is subtracted: what is left is how
 * long the loop was blocked beyond it (a synchronous SQLite checkpoint, a long GC pause...).
 */
export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const RESOLUTION_MS = 10;
const NAMES = {
  p50Ms: 'nodejs_eventloop_lag_p50_seconds',
  p99Ms: 'nodejs_eventloop_lag_p99_seconds',
  maxMs: 'nodejs_eventloop_lag_max_seconds',
};

export class EventLoopProbe {
  private pending: Promise<EventLoopDelay | undefined> | undefined;

  constructor(private readonly url: string) {}

  /** Resets the verifier's histogram (the answer is thrown away). */
  open(): void {
    void this.scrape().catch(() => undefined);
  }

  close(): void {
    this.pending = this.scrape().catch(() => undefined);
  }

  async result(): Promise<EventLoopDelay | undefined> {
    return this.pending;
  }

  private async scrape(): Promise<EventLoopDelay | undefined> {
    const response = await fetch(`${this.url}/metrics`);
    const text = await response.text();
    if (!response.ok) return undefined;
    const value = (name: string) => {
      const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
      return match === null ? Number.NaN : Math.max(0, Number(match[1]) * 1000 - RESOLUTION_MS);
    };
    const delay = { p50Ms: value(NAMES.p50Ms), p99Ms: value(NAMES.p99Ms), maxMs: value(NAMES.maxMs) };
    return Object.values(delay).every(Number.isFinite) ? delay : undefined;
  }
}
