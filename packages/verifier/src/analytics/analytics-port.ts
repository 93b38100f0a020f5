import type { StoredEvent } from '../store/port.js';
import type { AnalyticsFilter, FraudOverview, Granularity, Overview, PriceTable } from './figures.js';

/**
 * Counts over a recent window of raw events, for alert rules (minutes, not hours: rollups are too coarse).
 * `created` and `verified` are a cohort: the sessions created in the window, and how many of those are verified by
 * now (as of the fold's watermark), so `verified / created` is a conversion of the same sessions. The other counts
 * are events in the window: `messagesFailed` counts `message.failed` and `message.dead_lettered` (but not an
 * operator's own dead-lettering).
 */
export interface ActivityRow {
  brand: string;
  /** '' when unknown. */
  country: string;
  /** The number's prefix (E.164 without its last 4 digits) for `by: 'prefix'`; '' otherwise. */
  prefix: string;
  created: number;
  verified: number;
  wrongCodes: number;
  messages: number;
  messagesFailed: number;
  messagesDelivered: number;
}

/** An event for the live view, with the country of its session ('' when unknown). */
export type LiveEvent = StoredEvent & { country: string };

export interface Analytics {
  /**
   * Folds the events appended since the last fold into the rollups, at most `maxEvents` (default 2 000) in one
   * transaction (safe when several processes fold: the watermark moves in the same transaction), and returns the
   * events this call folded, in order. Other calls fold too (overview, another process): a live view reads
   * `eventsAfter` instead.
   */
  fold(options?: { maxEvents?: number }): StoredEvent[];
  /**
   * Folds the whole backlog in batches of 2 000, yielding to the event loop between batches (never one long
   * transaction), and resolves to the number of events folded. The queries below fold at most 10 000 pending events
   * themselves and answer as of the watermark; a live view calls this in its loop so they stay current.
   */
  catchUp(): Promise<number>;
  /**
   * Folded events after `afterId` (an event id: the live view's cursor, its Last-Event-ID), oldest first, up to the
   * watermark (so each has its session's country). Their `data`
   * is as stored: a `message.queued` carries the number's prefix, so pick the fields a viewer may see.
   */
  eventsAfter(afterId: number, options: { limit: number; brand?: string }): LiveEvent[];
  /**
   * The main view. Folds at most 10 000 pending events first, then answers as of the watermark: `asOfEventId` says
   * up to which event (after a long outage, behind the newest until `catchUp` has folded the backlog).
   */
  overview(filter: AnalyticsFilter, granularity: Granularity): Overview;
  /**
   * The fraud view (FraudOverview): the risk engine's blocks, challenges and dry-run hits of the filter's period,
   * from the fraud rollups (never a scan of raw events). Folds at most 10 000 pending events first, then answers
   * as of the watermark, like `overview`; `now` decides which low-conversion blocks are still running.
   */
  fraud(filter: AnalyticsFilter, granularity: Granularity, now: number): FraudOverview;
  /**
   * Counts over raw events in [from, to) up to the watermark (see ActivityRow), grouped by brand and country, or
   * brand, country and prefix.
   */
  activity(window: { from: number; to: number; brand?: string; by: 'country' | 'prefix' }): ActivityRow[];
  /**
   * The usual hour: each brand's counts per hour averaged over the whole hours of [from, to), from the rollups
   * (never a scan of raw events), by brand (country '' and prefix '' on every row): the baselines of alert rules.
   * As in the rollups, a session's counts (and its messages' receipts) fall in the hour the session was created.
   * No row when the window holds no whole hour.
   */
  hourlyBaseline(window: { from: number; to: number; brand?: string }): ActivityRow[];
  /** Countries that have sessions in the period (for the country filter). */
  countries(filter: Omit<AnalyticsFilter, 'country'>): string[];
  close(): void;
}

export interface AnalyticsOptions {
  /** The verifier's data directory (its SQLite file); opened read-write, since folding writes the rollups. */
  dataDir: string;
  prices: PriceTable;
}
