import type { Response } from 'express';
import { toCsv } from '../../csv.js';
import type { Table } from '../../export-tables.js';
import type { ParsedFilter } from '../filters.js';

/**
 * A table as a CSV download named after what it holds: `[...name, brand or all-brands, country, first day].csv`,
 * never cached (it holds a brand's figures).
 */
export function sendCsv(
  res: Response,
  name: string[],
  filter: ParsedFilter,
  brand: string | undefined,
  rows: Table,
): void {
  const file = [...name, brand ?? 'all-brands', filter.country, new Date(filter.from).toISOString().slice(0, 10)]
    .filter((part) => part !== undefined)
    .join('-');
  res
    .set('Cache-Control', 'no-store')
    .type('text/csv; charset=utf-8; header=present')
    .attachment(`${file}.csv`)
    .send(toCsv(rows.header, rows.rows));
}
