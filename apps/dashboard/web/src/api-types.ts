/** The dashboard API's answers besides the analytics figures (apps/dashboard/API.md). */
// Types only: the page must not bundle any of the verifier's code.
import type { Figures, Overview as AnalyticsOverview } from '../../../../packages/verifier/src/analytics/figures.js';
export type {
  CountryRow,
  DeliveryRow,
  Figures,
  Funnel,
  Granularity,
  Outcome,
  ReasonRow,
  SeriesPoint,
} from '../../../../packages/verifier/src/analytics/figures.js';

/** `GET /api/overview`: the market is null when withheld from an analyst (fewer than 3 other brands in it). */
export type Overview = Omit<AnalyticsOverview, 'market'> & { market: Figures | null };

export type Role = 'operator' | 'analyst';

export interface User {
  username: string;
  role: Role;
  /** An analyst's brand; null for an operator. */
  brand: string | null;
}

export interface Me {
  user: User;
  csrfToken: string;
}

export interface Brand {
  id: string;
  name: string;
}

export type Severity = 'info' | 'warning' | 'critical';

export interface Alert {
  id: string | number;
  at: number;
  rule: string;
  brand: string;
  severity: Severity | string;
  title: string;
  detail: string;
  value: number;
  threshold: number;
}

export interface AlertRule {
  id: string;
  kind: 'wrong_code_spike' | 'low_conversion' | 'delivery_failure_rate' | 'send_volume' | string;
  brand: string | null;
  threshold: number;
  windowMinutes: number;
  channels: string[];
}

/** One event of the live stream: never personal data. */
export interface Activity {
  id: number;
  at: number;
  type: string;
  brand: string;
  sessionId: string | null;
  country?: string;
  outcome?: string;
  reason?: string;
}
