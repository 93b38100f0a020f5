import type { Analytics } from '@otp-verify/verifier/analytics';
import type { Logger } from 'pino';
import type { DashboardMetrics } from '../metrics.js';
import { toActivity } from './activity.js';
import type { LiveHub, Replayed } from './live-hub.js';

const PAGE = 5_000;
const HOUR = 3_600_000;

/**
 * The one loop of the dashboard process that follows the event log: about every second it lets the analytics
 * fold the backlog (`catchUp`, in batches that yield to requests), then reads the folded events after its cursor
 * and fans them out to the streams. The cursor starts at the newest folded event once the first catch-up is done:
 * the live view shows what happens from then on.
 */
export class LiveFeed {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private cursor: number | undefined;

  constructor(
    private readonly analytics: Analytics,
    private readonly hub: LiveHub,
    private readonly metrics: DashboardMetrics,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {
    hub.setReplay((afterId, brand, limit) => this.replay(afterId, brand, limit));
  }

  start(intervalMs = 1_000): void {
    const next = async () => {
      try {
        await this.poll();
      } catch (error) {
        if (!this.stopped) this.logger.error({ err: error }, 'following the event log failed');
      }
      if (!this.stopped) this.timer = setTimeout(() => void next(), intervalMs).unref();
    };
    void next();
  }

  /** Folds the backlog, then streams every folded event after the cursor; returns how many it streamed. */
  async poll(): Promise<number> {
    await this.analytics.catchUp();
    if (this.stopped) return 0;
    if (this.cursor === undefined) {
      // The newest folded event: an overview's `asOfEventId`; nothing is left to fold, one small hour answers fast.
      const now = this.clock();
      this.cursor = this.analytics.overview({ from: now - HOUR, to: now }, 'hour').asOfEventId;
      return 0;
    }
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
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * A resumed stream's missed events: after its Last-Event-ID, up to what the feed has streamed, at most `limit`.
   * More than that (or a feed that has not caught up yet) and the stream cannot be resumed: the viewer starts over.
   */
  private replay(afterId: number, brand: string | undefined, limit: number): Replayed {
    const cursor = this.cursor;
    if (cursor === undefined) return { complete: false };
    const missed = this.analytics
      .eventsAfter(afterId, { limit: limit + 1, ...(brand === undefined ? {} : { brand }) })
      .filter((event) => event.id <= cursor);
    if (missed.length > limit) return { complete: false, cursor };
    return { complete: true, activities: missed.map(toActivity) };
  }
}
