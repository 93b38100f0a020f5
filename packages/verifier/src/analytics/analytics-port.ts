import type { StoredEvent } from '../store/port.js';
import type { AnalyticsFilter, Granularity, Overview, PriceTable } from './figures.js';

/** Counts over a recent window of raw events, for alert rules (minutes, not hours: rollups are too coarse). */
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
   * Folds the events appended since the last fold into the rollups, at most `maxEvents` (default 20 000) in one
   * transaction (safe when several processes fold: the watermark moves in the same transaction), and returns the
   * events this call folded, in order. Other calls fold too (overview, another process): a live view reads
   * `eventsAfter` instead.
   */
  fold(options?: { maxEvents?: number }): StoredEvent[];
  /**
   * Events after `afterId` (an event id: the live view's cursor, its Last-Event-ID), oldest first. Their `data`
   * is as stored: a `message.queued` carries the number's prefix, so pick the fields a viewer may see.
   */
  eventsAfter(afterId: number, options: { limit: number; brand?: string }): LiveEvent[];
  /** The main view; folds what is pending first, so its counts include every event up to now. */
  overview(filter: AnalyticsFilter, granularity: Granularity): Overview;
  /** Counts over raw events in [from, to), grouped by brand and country, or brand, country and prefix. */
  activity(window: { from: number; to: number; brand?: string; by: 'country' | 'prefix' }): ActivityRow[];
  /** Messages queued per hour for a brand, averaged over the hours of [from, to): a baseline for volume alerts. */
  hourlySendBaseline(brand: string, window: { from: number; to: number }): number;
  /** Countries that have sessions in the period (for the country filter). */
  countries(filter: Omit<AnalyticsFilter, 'country'>): string[];
  close(): void;
}

export interface AnalyticsOptions {
  /** The verifier's data directory (its SQLite file); opened read-write, since folding writes the rollups. */
  dataDir: string;
  prices: PriceTable;
}
