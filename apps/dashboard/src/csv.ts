export type CsvCell = string | number | boolean | null | undefined;

/** Characters a spreadsheet reads as the start of a formula (OWASP CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 text (CRLF line ends; fields with a comma, quote or line break quoted, quotes doubled). A text cell
 * that a spreadsheet would run as a formula gets a leading `'`; numbers are written as they are.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
