import type { FraudOverview, FraudTopRow } from '@otp-verify/verifier/analytics';
import type { Table } from './export-tables.js';

export const FRAUD_TABLES = ['series', 'reasons', 'prefixes', 'countries', 'networks', 'blocks'] as const;
export type FraudTable = (typeof FRAUD_TABLES)[number];

const TOP_HEADER = ['blocked', 'blocked_segments', 'money_saved', 'currency'];

/** One table of the fraud view, as its CSV export writes it. */
export function fraudTable(fraud: FraudOverview, table: FraudTable): Table {
  const currency = fraud.moneySaved.currency;
  const top = (rows: readonly FraudTopRow[], value: string): Table => ({
    header: [value, ...TOP_HEADER],
    rows: rows.map((row) => [row.value, row.blocked, row.blockedSegments, row.moneySaved, currency]),
  });
  switch (table) {
    case 'series':
      return {
        header: ['start', ...fraud.series.reasons],
        rows: fraud.series.points.map((point) => [new Date(point.t).toISOString(), ...point.counts]),
      };
    case 'reasons':
      return {
        header: ['reason', 'blocked', 'challenged', 'dry_run_hits'],
        rows: fraud.reasons.map((row) => [row.reason, row.blocked, row.challenged, row.dryRunHits]),
      };
    case 'prefixes':
      return top(fraud.prefixes, 'prefix');
    case 'countries':
      return top(fraud.countries, 'country');
    case 'networks':
      return top(fraud.networks, 'network');
    case 'blocks':
      return {
        header: ['brand', 'rule', 'scope', 'subject', 'since', 'until', 'sends', 'verified'],
        rows: fraud.runningBlocks.map((block) => [
          block.brand,
          block.rule,
          block.scope,
          block.subject,
          new Date(block.since).toISOString(),
          new Date(block.until).toISOString(),
          block.sends,
          block.verified,
        ]),
      };
  }
}
