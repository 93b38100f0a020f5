import type { Analytics } from '@otp-verify/verifier/analytics';
import type { Logger } from 'pino';
import type { AlertRule } from '../alerts/alert-rules.js';
import type { AlertStore } from '../alerts/alert-store.js';
import type { SignIn } from '../auth/sign-in.js';
import type { SignInSessions } from '../auth/sign-in-sessions.js';
import type { LiveFeed } from '../live/live-feed.js';
import type { LiveHub } from '../live/live-hub.js';
import type { DashboardMetrics } from '../metrics.js';
import type { DashboardDatabase } from '../store/dashboard-database.js';
import type { BrandNames } from './brand-scope.js';

/** What the routes work with; built once by createDashboard. */
export interface DashboardContext {
  analytics: Analytics;
  brands: BrandNames;
  db: DashboardDatabase;
  sessions: SignInSessions;
  signIn: SignIn;
  alerts: AlertStore;
  rules: readonly AlertRule[];
  hub: LiveHub;
  liveFeed: LiveFeed;
  metrics: DashboardMetrics;
  clock: () => number;
  logger: Logger;
}
