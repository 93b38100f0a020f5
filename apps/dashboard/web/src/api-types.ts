/** The dashboard API's answers (apps/dashboard/API.md), typed by the server's own declarations. */
// Types only: the page must not bundle any of the verifier's or the server's code.
import type { Figures, Overview as AnalyticsOverview } from '../../../../packages/verifier/src/analytics/figures.js';
import type { Operator } from '../../src/auth/operators.js';

export type {
  CountryRow,
  DeliveryRow,
  Figures,
  FraudOverview,
  FraudReasonRow,
  FraudTopRow,
  Funnel,
  Granularity,
  Outcome,
  ReasonRow,
  RunningBlock,
  SeriesPoint,
} from '../../../../packages/verifier/src/analytics/figures.js';
export type { Alert } from '../../src/alerts/alert-store.js';
export type { AlertRule } from '../../src/alerts/alert-rules.js';
export type { Operator as User, Role } from '../../src/auth/operators.js';
export type { BrandName as Brand } from '../../src/http/brand-scope.js';
export type { Activity } from '../../src/live/activity.js';

/** `GET /api/overview`: the market is null when withheld from an analyst (fewer than 3 other brands in it). */
export type Overview = Omit<AnalyticsOverview, 'market'> & { market: Figures | null };

/** `GET /api/me` and the sign-in's answer. */
export interface Me {
  user: Operator;
  csrfToken: string;
}
