import { OUTCOMES } from './figures.js';
import type { Outcome } from './figures.js';

/** The counters of analytics_counts, in the order of every counts vector the fold adds up. */
export const COUNT_COLUMNS = [
  'shown',
  'created',
  'open',
  'sent',
  'delivered',
  'verified',
  'order_accepted',
  ...OUTCOMES.map((outcome) => `outcome_${outcome}` as const),
  'wrong_codes',
  'messages',
  'sms_segments',
  'emails',
  'verify_attempts_sum',
  'verify_ms_sum',
] as const;

export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type Counts = Record<CountColumn, number>;

const INDEX = new Map<CountColumn, number>(COUNT_COLUMNS.map((column, index) => [column, index]));

export function columnIndex(column: CountColumn): number {
  return INDEX.get(column) as number;
}

export function outcomeColumn(outcome: Outcome): CountColumn {
  return `outcome_${outcome}`;
}

export function emptyCounts(): number[] {
  return new Array<number>(COUNT_COLUMNS.length).fill(0);
}

/** SUM(column) AS column for every counter: the select list of a query adding rows up. */
export const SUM_OF_COUNTS = COUNT_COLUMNS.map((column) => `SUM(${column}) AS ${column}`).join(', ');
