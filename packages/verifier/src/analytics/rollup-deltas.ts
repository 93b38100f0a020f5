import type { Database } from 'better-sqlite3';
import { COUNT_COLUMNS, columnIndex, emptyCounts } from './count-columns.js';
import type { CountColumn } from './count-columns.js';
import type { ReasonKind } from './figures.js';
import type { Span } from './periods.js';
import { startOf } from './periods.js';
import type { CohortKey, SessionContribution } from './session-state.js';

export type DeliveryCounter = 'sent' | 'delivered' | 'failed' | 'attempt_failures';
const DELIVERY_COLUMNS = ['sent', 'delivered', 'failed', 'attempt_failures', 'latency_sum'] as const;

const SPANS: readonly Span[] = ['hour', 'day'];

type Part = string | number;

/** Summed rows by key; each keeps its key parts for the write. */
export class Rows {
  private readonly rows = new Map<string, { parts: Part[]; values: number[] }>();

  constructor(private readonly size: number) {}

  /** Adds `sign` × `values` to the row of `parts` (`key` names those parts uniquely). */
  add(key: string, parts: Part[], values: readonly number[], sign = 1): void {
    let row = this.rows.get(key);
    if (row === undefined) {
      row = { parts, values: new Array<number>(this.size).fill(0) };
      this.rows.set(key, row);
    }
    const sums = row.values;
    for (let index = 0; index < this.size; index += 1)
      sums[index] = (sums[index] as number) + sign * (values[index] as number);
  }

  write(statement: Upsert): void {
    for (const { parts, values } of this.rows.values()) {
      if (values.some((value) => value !== 0)) statement.run(...parts, ...values);
    }
  }
}

const ONE = [1];
const MINUS_ONE = [-1];

/**
 * What one fold batch adds to the rollups, summed in memory by row (hour and day rows alike) and written at the
 * end of the batch with one upsert per row.
 */
export class RollupDeltas {
  private readonly counts = new Rows(COUNT_COLUMNS.length);
  private readonly histograms = new Rows(1);
  private readonly delivery = new Rows(DELIVERY_COLUMNS.length);
  private readonly reasons = new Rows(1);

  /**
   * The rows of a cohort, hour and day, with their map keys. Brand ids and countries are tokens without control
   * characters (the brands file and the verifier's own events), so a separator keeps keys apart; reasons may be
   * any text and are keyed by JSON.
   */
  private rows(key: CohortKey): { key: string; parts: [Span, number, string, string] }[] {
    return SPANS.map((span) => {
      const start = startOf(span, key.hour);
      return {
        key: `${span}\u001f${start}\u001f${key.brand}\u001f${key.country}`,
        parts: [span, start, key.brand, key.country],
      };
    });
  }

  /** Moves a session's contribution from what it was to what it is (often the same row: only the difference). */
  moveSession(before: SessionContribution, after: SessionContribution): void {
    const sameRow =
      before.key.brand === after.key.brand &&
      before.key.country === after.key.country &&
      before.key.hour === after.key.hour;
    if (!sameRow) {
      this.addSession(before, -1);
      this.addSession(after, 1);
      return;
    }
    const difference = after.counts.map((value, index) => value - (before.counts[index] as number));
    const changed = difference.some((value) => value !== 0);
    const histogramsChanged =
      before.histograms.length !== after.histograms.length ||
      before.histograms.some((entry, index) => entry.bucket !== after.histograms[index]?.bucket);
    if (!changed && !histogramsChanged) return;
    for (const row of this.rows(after.key)) {
      if (changed) this.counts.add(row.key, row.parts, difference);
      if (histogramsChanged) {
        this.addHistograms(row, before, MINUS_ONE);
        this.addHistograms(row, after, ONE);
      }
    }
  }

  private addSession(contribution: SessionContribution, sign: 1 | -1): void {
    for (const row of this.rows(contribution.key)) {
      this.counts.add(row.key, row.parts, contribution.counts, sign);
      this.addHistograms(row, contribution, sign === 1 ? ONE : MINUS_ONE);
    }
  }

  private addHistograms(row: { key: string; parts: Part[] }, contribution: SessionContribution, count: number[]) {
    for (const { metric, bucket } of contribution.histograms) {
      this.histograms.add(`${row.key}\u001f${metric}\u001f\u001f${bucket}`, [...row.parts, metric, '', bucket], count);
    }
  }

  addCount(key: CohortKey, column: CountColumn): void {
    const values = emptyCounts();
    values[columnIndex(column)] = 1;
    for (const row of this.rows(key)) this.counts.add(row.key, row.parts, values);
  }

  addDelivery(
    key: CohortKey,
    message: { provider: string; channel: string },
    counter: DeliveryCounter,
    latency?: { ms: number; bucket: number },
  ): void {
    const values = DELIVERY_COLUMNS.map((column): number => (column === counter ? 1 : 0));
    if (latency !== undefined) values[DELIVERY_COLUMNS.indexOf('latency_sum')] = latency.ms;
    const dimension = `${message.channel}/${message.provider}`;
    for (const row of this.rows(key)) {
      this.delivery.add(
        `${row.key}\u001f${JSON.stringify(dimension)}`,
        [...row.parts, message.provider, message.channel],
        values,
      );
      if (latency !== undefined) {
        this.histograms.add(
          `${row.key}\u001fdelivery_latency\u001f${JSON.stringify(dimension)}\u001f${latency.bucket}`,
          [...row.parts, 'delivery_latency', dimension, latency.bucket],
          ONE,
        );
      }
    }
  }

  addReason(key: CohortKey, kind: ReasonKind, reason: string): void {
    for (const row of this.rows(key)) {
      this.reasons.add(`${row.key}\u001f${kind}\u001f${JSON.stringify(reason)}`, [...row.parts, kind, reason], ONE);
    }
  }

  /** Writes every non-zero delta (call inside the fold's transaction). */
  flush(statements: DeltaStatements): void {
    this.counts.write(statements.counts);
    this.histograms.write(statements.histograms);
    this.delivery.write(statements.delivery);
    this.reasons.write(statements.reasons);
  }
}

export type Upsert = { run(...values: (string | number)[]): unknown };

export interface DeltaStatements {
  counts: Upsert;
  histograms: Upsert;
  delivery: Upsert;
  reasons: Upsert;
}

/** An upsert adding `added` columns to the row of `keys`; table and column names are constants, never data. */
export function upsert(db: Database, table: string, keys: readonly string[], added: readonly string[]): Upsert {
  const columns = [...keys, ...added];
  return db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${added.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')}`,
  );
}

export function prepareDeltaStatements(db: Database): DeltaStatements {
  const row = ['span', 'start', 'brand', 'country'];
  return {
    counts: upsert(db, 'analytics_counts', row, COUNT_COLUMNS),
    histograms: upsert(db, 'analytics_histograms', [...row, 'metric', 'dimension', 'bucket'], ['count']),
    delivery: upsert(db, 'analytics_delivery', [...row, 'provider', 'channel'], DELIVERY_COLUMNS),
    reasons: upsert(db, 'analytics_reasons', [...row, 'kind', 'reason'], ['count']),
  };
}
