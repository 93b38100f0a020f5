import type { Analytics } from '@otp-verify/verifier/analytics';
import type { Logger } from 'pino';
import type { DashboardMetrics } from '../metrics.js';
import { toActivity } from './activity.js';
import type { LiveHub } from './live-hub.js';

const PAGE = 5_000;
const HOUR = 3_600_000;

/**
 * The one loop of the dashboard process that follows the event log: about every second it reads the events after
 * its cursor (`eventsAfter` folds what is pending first, whoever appended it) and fans them out to the streams.
 */
export class LiveFeed {
  private timer: NodeJS.Timeout | undefined;
  private cursor: number;

  constructor(
    private readonly analytics: Analytics,
    private readonly hub: LiveHub,
    private readonly metrics: DashboardMetrics,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {
    // The newest event id: an overview's `asOfEventId` (after folding everything); one small hour is enough.
    const now = clock();
    this.cursor = analytics.overview({ from: now - HOUR, to: now }, 'hour').asOfEventId;
    hub.setReplay((afterId, brand) => this.replay(afterId, brand));
  }

  start(intervalMs = 1_000): void {
    this.timer = setInterval(() => {
      try {
        this.poll();
      } catch (error) {
        this.logger.error({ err: error }, 'following the event log failed');
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Streams every event after the cursor; returns how many there were. */
  poll(): number {
    let total = 0;
    for (;;) {
      const events = this.analytics.eventsAfter(this.cursor, { limit: PAGE });
      const newest = events.at(-1);
      if (newest === undefined) return total;
      total += events.length;
      this.cursor = newest.id;
      this.metrics.eventsStreamed.inc(events.length);
      this.metrics.feedLag.set(Math.max(0, this.clock() - newest.at) / 1000);
      this.hub.publishActivities(events.map(toActivity));
      if (events.length < PAGE) return total;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A resumed stream's missed events: after its Last-Event-ID, up to what the feed has streamed. */
  private replay(afterId: number, brand: string | undefined) {
    const missed = this.analytics.eventsAfter(afterId, { limit: PAGE, ...(brand === undefined ? {} : { brand }) });
    return missed.filter((event) => event.id <= this.cursor).map(toActivity);
  }
}
