import type { ThemeResult } from './check-theme.js';
import { formatRatio } from './contrast.js';

const HEADINGS = ['Brand', 'Scheme', 'Foreground', 'Background', 'Where', 'Ratio', 'Needs', 'Result'];

/** The contrast table: one row per brand, scheme and pair, as aligned text or as a Markdown table. */
export function formatContrastReport(results: readonly ThemeResult[], { markdown = false } = {}): string {
  const rows = results.flatMap(({ brand, contrast }) =>
    contrast.map(({ scheme, pair, ratio, error, passes }) => [
      brand,
      scheme,
      pair.foreground,
      pair.background,
      pair.where,
      ratio === undefined ? '-' : formatRatio(ratio),
      `${pair.minimum}:1`,
      passes ? 'pass' : error ? `error: ${error}` : 'FAIL',
    ]),
  );
  return markdown ? markdownTable(rows) : textTable(rows);
}

function markdownTable(rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(HEADINGS), line(HEADINGS.map(() => '---')), ...rows.map(line)].join('\n');
}

function textTable(rows: string[][]): string {
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(HEADINGS), ...rows.map(line)].join('\n');
}
