import type { Figures, Funnel } from '@otp-verify/verifier/analytics';
import { OUTCOMES } from '@otp-verify/verifier/analytics';
import type { Alert } from './alerts/alert-store.js';
import type { CsvCell } from './csv.js';
import type { ViewerOverview } from './http/viewer-overview.js';

export const OVERVIEW_TABLES = ['funnel', 'outcomes', 'series', 'delivery', 'reasons', 'countries'] as const;
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];
export const EXPORT_TABLES = [...OVERVIEW_TABLES, 'alerts'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface Table {
  header: string[];
  rows: CsvCell[][];
}

const FUNNEL_STEPS: (keyof Funnel)[] = ['shown', 'created', 'sent', 'delivered', 'verified', 'orderAccepted'];

/** One table of the overview, with the market's figure beside the brand's where there is one. */
export function overviewTable(overview: ViewerOverview, table: OverviewTable): Table {
  const market = overview.market;
  switch (table) {
    case 'funnel':
      return {
        header: ['step', 'sessions', 'conversion', 'market_sessions', 'market_conversion'],
        rows: FUNNEL_STEPS.map((step) => [
          step,
          overview.figures.funnel[step],
          conversion(overview.figures, step),
          market?.funnel[step] ?? null,
          market === null ? null : conversion(market, step),
        ]),
      };
    case 'outcomes':
      return {
        header: ['outcome', 'sessions', 'market_sessions'],
        rows: [
          ...OUTCOMES.map((outcome) => [
            outcome,
            overview.figures.outcomes[outcome],
            market?.outcomes[outcome] ?? null,
          ]),
          ['open', overview.figures.open, market?.open ?? null],
        ],
      };
    case 'series':
      return {
        header: ['start', 'shown', 'created', 'sent', 'verified', 'order_accepted', 'wrong_codes', 'failed_delivery'],
        rows: overview.series.map((point) => [
          new Date(point.t).toISOString(),
          point.shown,
          point.created,
          point.sent,
          point.verified,
          point.orderAccepted,
          point.wrongCodes,
          point.failedDelivery,
        ]),
      };
    case 'delivery':
      return {
        header: [
          'provider',
          'channel',
          'country',
          'sent',
          'delivered',
          'failed',
          'attempt_failures',
          'success_rate',
          'latency_ms_p50',
          'latency_ms_p90',
          'latency_ms_p99',
        ],
        rows: overview.delivery.map((row) => [
          row.provider,
          row.channel,
          row.country,
          row.sent,
          row.delivered,
          row.failed,
          row.attemptFailures,
          row.successRate,
          row.latencyMs.p50,
          row.latencyMs.p90,
          row.latencyMs.p99,
        ]),
      };
    case 'reasons':
      return {
        header: ['kind', 'reason', 'count'],
        rows: overview.reasons.map((row) => [row.kind, row.reason, row.count]),
      };
    case 'countries':
      return {
        header: ['country', 'created', 'verified', 'order_accepted', 'conversion', 'wrong_codes', 'sms_segments'],
        rows: overview.countries.map((row) => [
          row.country,
          row.created,
          row.verified,
          row.orderAccepted,
          row.conversion,
          row.wrongCodes,
          row.smsSegments,
        ]),
      };
  }
}

export function alertsTable(alerts: readonly Alert[]): Table {
  return {
    header: ['id', 'at', 'rule', 'brand', 'subject', 'severity', 'title', 'detail', 'value', 'threshold', 'cleared_at'],
    rows: alerts.map((alert) => [
      alert.id,
      new Date(alert.at).toISOString(),
      alert.rule,
      alert.brand,
      alert.subject,
      alert.severity,
      alert.title,
      alert.detail,
      alert.value,
      alert.threshold,
      alert.clearedAt === null ? null : new Date(alert.clearedAt).toISOString(),
    ]),
  };
}

function conversion(figures: Figures, step: keyof Funnel): number | null {
  return step === 'shown' ? null : figures.conversion[step];
}
