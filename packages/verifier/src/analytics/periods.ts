/** Rollup rows come in two spans: an hour row and a day row per key, both counting the same events. */
export type Span = 'hour' | 'day';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function startOf(span: Span, at: number): number {
  const size = span === 'hour' ? HOUR_MS : DAY_MS;
  return Math.floor(at / size) * size;
}

/**
 * The rows that cover [from, to) once each: day rows for the whole days inside it, hour rows for its ragged ends
 * ([from, dayFrom) and [dayTo, to)). Without a whole day inside, dayFrom = dayTo = to: hour rows only.
 */
export interface PeriodCover {
  from: number;
  to: number;
  dayFrom: number;
  dayTo: number;
}

export function periodCover(from: number, to: number): PeriodCover {
  const dayFrom = Math.ceil(from / DAY_MS) * DAY_MS;
  const dayTo = startOf('day', to);
  return dayFrom < dayTo ? { from, to, dayFrom, dayTo } : { from, to, dayFrom: to, dayTo: to };
}

/**
 * The rows of `table` in a cover, as a sub-query of three range scans on its (span, start, …) primary key. `table`
 * is one of the analytics tables (a constant); the bounds are the named parameters of a PeriodCover.
 */
export function coverRows(table: string): string {
  return `(SELECT * FROM ${table} WHERE span = 'day' AND start >= @dayFrom AND start < @dayTo
    UNION ALL SELECT * FROM ${table} WHERE span = 'hour' AND start >= @from AND start < @dayFrom
    UNION ALL SELECT * FROM ${table} WHERE span = 'hour' AND start >= @dayTo AND start < @to)`;
}
