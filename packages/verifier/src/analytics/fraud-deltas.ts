import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '../store/port.js';
import type { RunningBlock } from './figures.js';
import type { Span } from './periods.js';
import { startOf } from './periods.js';
import type { Upsert } from './rollup-deltas.js';
import { Rows, upsert } from './rollup-deltas.js';

/**
 * The rows of analytics_fraud: `total` (one per event, value ''), `reason`, `prefix` and `network` (a blocked
 * send's prefix and client network). '' stands for a field the event did not carry.
 */
export type FraudDimension = 'total' | 'reason' | 'prefix' | 'network';

const FRAUD_COLUMNS = ['blocked', 'blocked_segments', 'challenged', 'dry_run_hits'] as const;
type FraudColumn = (typeof FRAUD_COLUMNS)[number];
const SPANS: readonly Span[] = ['hour', 'day'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === 'string'))] : [];
/** A count from an event; absent or malformed: 0 (so the money saved by a block is never overstated). */
const whole = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;

type RunningBlockRow = RunningBlock & { eventId: number };

/**
 * What one fold batch adds to the fraud rollups (risk-events.ts): every risk event counts in the hour it
 * happened. A block counts once, under its first reason (`reason`); a challenge under each of its reasons; a
 * dry-run event once for each rule in `rules`.
 */
export class FraudDeltas {
  private readonly rows = new Rows(FRAUD_COLUMNS.length);
  private readonly blocks: RunningBlockRow[] = [];

  add(event: StoredEvent): void {
    const { data } = event;
    switch (event.type) {
      case 'session.blocked':
      case 'risk.number_refused': {
        const blocked = { blocked: 1, blocked_segments: whole(data.segments) };
        const reason = text(data.reason) || 'unknown';
        this.count(event, 'total', '', blocked);
        this.count(event, 'reason', reason, blocked);
        this.count(event, 'prefix', text(data.prefix), blocked);
        this.count(event, 'network', text(data.network), blocked);
        return;
      }
      case 'session.challenged':
        this.count(event, 'total', '', { challenged: 1 });
        for (const reason of texts(data.reasons)) this.count(event, 'reason', reason, { challenged: 1 });
        return;
      case 'risk.dry_run':
        this.count(event, 'total', '', { dry_run_hits: 1 });
        for (const rule of texts(data.rules)) this.count(event, 'reason', rule, { dry_run_hits: 1 });
        return;
      case 'risk.block_started':
        this.blocks.push({
          eventId: event.id,
          brand: event.brand,
          rule: text(data.rule) || 'unknown',
          scope: text(data.scope),
          subject: text(data.subject),
          since: event.at,
          until: typeof data.until === 'number' ? data.until : event.at,
          sends: whole(data.sends),
          verified: whole(data.verified),
        });
        return;
    }
  }

  private count(
    event: StoredEvent,
    dimension: FraudDimension,
    value: string,
    counts: Partial<Record<FraudColumn, number>>,
  ): void {
    const country = text(event.data.country);
    const values = FRAUD_COLUMNS.map((column) => counts[column] ?? 0);
    for (const span of SPANS) {
      const start = startOf(span, event.at);
      const parts = [span, start, event.brand, country, dimension, value];
      this.rows.add(JSON.stringify(parts), parts, values);
    }
  }

  /** Writes the batch's rows (call inside the fold's transaction). */
  flush(statements: FraudStatements): void {
    this.rows.write(statements.counts);
    for (const block of this.blocks) statements.block.run(block);
  }
}

export interface FraudStatements {
  counts: Upsert;
  block: { run(row: RunningBlockRow): unknown };
}

export function prepareFraudStatements(db: Database): FraudStatements {
  return {
    counts: upsert(db, 'analytics_fraud', ['span', 'start', 'brand', 'country', 'dimension', 'value'], FRAUD_COLUMNS),
    block: db.prepare<[RunningBlockRow]>(
      `INSERT OR IGNORE INTO analytics_risk_blocks (event_id, brand, rule, scope, subject, since, until, sends, verified)
       VALUES (@eventId, @brand, @rule, @scope, @subject, @since, @until, @sends, @verified)`,
    ),
  };
}
