import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrandRegistry } from '@otp-verify/verifier';
import { DEFAULT_PRICES } from '@otp-verify/verifier';
import type { PriceTable } from '@otp-verify/verifier/analytics';
import { openAnalytics } from '@otp-verify/verifier/analytics';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { pino } from 'pino';
import { AlertEvaluator } from './alerts/alert-evaluator.js';
import type { AlertRule } from './alerts/alert-rules.js';
import { loadAlertRules } from './alerts/alert-rules.js';
import { AlertStore } from './alerts/alert-store.js';
import type { Notifier, WebhookTiming } from './alerts/notifiers.js';
import { emailNotifier, webhookNotifier } from './alerts/notifiers.js';
import { Operators } from './auth/operators.js';
import { SignIn } from './auth/sign-in.js';
import { SignInSessions } from './auth/sign-in-sessions.js';
import type { ThrottleSettings } from './auth/throttle.js';
import { DEFAULT_THROTTLE, SignInThrottle } from './auth/throttle.js';
import { brandNames } from './brand-names.js';
import { createApp } from './http/app.js';
import type { DashboardContext } from './http/context.js';
import { LiveFeed } from './live/live-feed.js';
import type { LiveHubOptions } from './live/live-hub.js';
import { DEFAULT_LIVE_HUB, LiveHub } from './live/live-hub.js';
import { createMetrics } from './metrics.js';
import { loadPriceTable } from './prices.js';
import type { SmtpSettings, WebhookSettings } from './settings.js';
import { openDashboardDatabase } from './store/dashboard-database.js';

const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

export interface DashboardOptions {
  /** The verifier's data directory (its SQLite file with the events). */
  verifierDataDir: string;
  /** The verifier's brands directory or file, or a loaded registry: the brands' names. */
  brands: string | BrandRegistry;
  /** The dashboard's own SQLite; default `<verifierDataDir>/dashboard`. */
  dataDir?: string;
  /**
   * A price table or its file; default the verifier's DEFAULT_PRICES. A table of its own should match the `prices`
   * of the verifier's platform.json, which its spend caps count with.
   */
  prices?: PriceTable | string;
  /** Alert rules or their file; default config/alert-rules.json. */
  alertRules?: readonly AlertRule[] | string;
  smtp?: SmtpSettings;
  webhook?: WebhookSettings & { timing?: WebhookTiming };
  /** The built web page; default dist/web of this package. */
  webDir?: string;
  publicOrigin?: string;
  trustProxy?: boolean | number | string;
  logger?: Logger;
  clock?: () => number;
  /** How often the live feed reads (and folds) new events (default 1000 ms) and the alert rules checked (60 000 ms). */
  liveIntervalMs?: number;
  alertIntervalMs?: number;
  live?: Partial<LiveHubOptions>;
  throttle?: Partial<ThrottleSettings>;
}

export interface Dashboard {
  app: Express;
  context: DashboardContext;
  operators: Operators;
  alertEvaluator: AlertEvaluator;
  /** Stops the loops, ends the live streams, waits for notifications, closes the databases. */
  close(): Promise<void>;
}

export async function createDashboard(options: DashboardOptions): Promise<Dashboard> {
  const logger = options.logger ?? pino({ name: 'otp-verify-dashboard' });
  const clock = options.clock ?? Date.now;
  const prices =
    typeof options.prices === 'string' ? loadPriceTable(options.prices) : (options.prices ?? DEFAULT_PRICES);
  const rules =
    typeof options.alertRules === 'object'
      ? options.alertRules
      : loadAlertRules(options.alertRules ?? join(PACKAGE_DIR, 'config/alert-rules.json'));
  const brands = brandNames(options.brands);
  const db = openDashboardDatabase(options.dataDir ?? join(options.verifierDataDir, 'dashboard'));
  const analytics = await openAnalytics({ dataDir: options.verifierDataDir, prices });
  const metrics = createMetrics();
  const hub = new LiveHub({
    ...DEFAULT_LIVE_HUB,
    ...options.live,
    onSubscribersChanged: (count) => metrics.liveSubscribers.set(count),
  });
  const operators = new Operators(db, clock);
  const sessions = new SignInSessions(db, clock);
  const throttle = new SignInThrottle(db, clock, { ...DEFAULT_THROTTLE, ...options.throttle });
  const alerts = new AlertStore(db);
  const liveFeed = new LiveFeed(analytics, hub, metrics, clock, logger);
  const notifiers: Notifier[] = [
    ...(options.smtp === undefined ? [] : [emailNotifier(options.smtp)]),
    ...(options.webhook === undefined ? [] : [webhookNotifier(options.webhook, clock, options.webhook.timing)]),
  ];
  const alertEvaluator = new AlertEvaluator({
    rules,
    analytics,
    store: alerts,
    hub,
    notifiers,
    metrics,
    clock,
    logger,
  });
  const context: DashboardContext = {
    analytics,
    brands,
    db,
    sessions,
    signIn: new SignIn(operators, sessions, throttle),
    alerts,
    rules,
    hub,
    liveFeed,
    metrics,
    clock,
    logger,
  };
  liveFeed.start(options.liveIntervalMs);
  alertEvaluator.start(options.alertIntervalMs);
  const sweep = setInterval(() => sessions.sweep(), 5 * 60_000).unref();
  const app = createApp(context, {
    webDir: options.webDir ?? join(PACKAGE_DIR, 'dist/web'),
    ...(options.publicOrigin === undefined ? {} : { publicOrigin: options.publicOrigin }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
  });
  return {
    app,
    context,
    operators,
    alertEvaluator,
    close: async () => {
      clearInterval(sweep);
      liveFeed.stop();
      alertEvaluator.stop();
      hub.close();
      await alertEvaluator.settled();
      for (const notifier of notifiers) notifier.close();
      analytics.close();
      db.close();
    },
  };
}

export interface RunningDashboard extends Dashboard {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** Creates the dashboard and listens on host:port (port 0 picks a free one). */
export async function startDashboard(
  options: DashboardOptions & { host: string; port: number },
): Promise<RunningDashboard> {
  const dashboard = await createDashboard(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = dashboard.app.listen(options.port, options.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    ...dashboard,
    url: `http://${options.host}:${port}`,
    server,
    stop: async () => {
      dashboard.context.hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await dashboard.close();
    },
  };
}
