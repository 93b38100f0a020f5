import type { Analytics } from '@otp-verify/verifier/analytics';
import type { Logger } from 'pino';
import type { LiveHub } from '../live/live-hub.js';
import type { DashboardMetrics } from '../metrics.js';
import type { AlertRule } from './alert-rules.js';
import type { Alert, AlertStore } from './alert-store.js';
import { alertKey } from './alert-store.js';
import type { Notifier } from './notifiers.js';
import { breaches } from './rule-checks.js';

export interface AlertEvaluatorDeps {
  rules: readonly AlertRule[];
  analytics: Analytics;
  store: AlertStore;
  hub: LiveHub;
  notifiers: readonly Notifier[];
  metrics: DashboardMetrics;
  clock: () => number;
  logger: Logger;
}

/** Checks every rule (once a minute), opens and clears alerts, and announces the new ones. */
export class AlertEvaluator {
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: AlertEvaluatorDeps) {}

  start(intervalMs = 60_000): void {
    this.timer = setInterval(() => {
      try {
        this.evaluate();
      } catch (error) {
        this.deps.logger.error({ err: error }, 'evaluating the alert rules failed');
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Evaluates every rule now; returns the alerts it opened. Notifications go out in the background. */
  evaluate(): Alert[] {
    const { rules, analytics, store, clock } = this.deps;
    const now = clock();
    const opened: Alert[] = [];
    for (const rule of rules) {
      const holding = new Set<string>();
      for (const breach of breaches(rule, analytics, now)) {
        holding.add(alertKey(breach.brand, breach.subject));
        const alert = store.open({
          at: now,
          rule: rule.id,
          brand: breach.brand,
          subject: breach.subject,
          severity: rule.severity,
          title: breach.title,
          detail: breach.detail,
          value: breach.value,
          threshold: breach.limit,
        });
        if (alert === undefined) continue;
        opened.push(alert);
        this.announce(rule, alert);
      }
      store.clearExcept(rule.id, holding, now);
    }
    return opened;
  }

  /** Waits for the notifications under way (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private announce(rule: AlertRule, alert: Alert): void {
    const { hub, notifiers, metrics, logger } = this.deps;
    metrics.alertsFired.inc({ rule: rule.id, severity: rule.severity });
    logger.warn({ alert: alert.id, rule: rule.id, brand: alert.brand }, 'alert opened');
    hub.publishAlert(alert);
    for (const notifier of notifiers.filter((candidate) => rule.channels.includes(candidate.channel))) {
      const sending = notifier
        .notify(alert)
        .catch((error: unknown) => {
          metrics.notificationFailures.inc({ channel: notifier.channel });
          logger.error({ err: error, alert: alert.id, channel: notifier.channel }, 'alert notification failed');
        })
        .finally(() => this.pending.delete(sending));
      this.pending.add(sending);
    }
  }
}
