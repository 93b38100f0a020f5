import type { Analytics } from '@otp-verify/verifier/analytics';
import type { Logger } from 'pino';
import type { LiveHub } from '../live/live-hub.js';
import type { DashboardMetrics } from '../metrics.js';
import type { AlertRule } from './alert-rules.js';
import type { Alert, AlertStore } from './alert-store.js';
import { alertKey } from './alert-store.js';
import type { Notifier } from './notifiers.js';
import type { Reading } from './rule-checks.js';
import { readings } from './rule-checks.js';

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

const MINUTE = 60_000;

/**
 * Checks every rule (once a minute), opens and clears alerts, and announces the new ones. Hysteresis keeps a
 * condition that flaps around its threshold to one alert and one notification: an open alert clears only after
 * `clearAfter` evaluations in a row without the condition (or at once beyond `clearThreshold`), and within
 * `holdOffMinutes` of clearing, the condition coming back reopens it without a new notification.
 */
export class AlertEvaluator {
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<void>>();
  /** Open alert id → evaluations in a row where its condition did not hold (restarts from 0 with the process). */
  private readonly misses = new Map<number, number>();

  constructor(private readonly deps: AlertEvaluatorDeps) {
    deps.store.clearRulesOtherThan(
      deps.rules.map((rule) => rule.id),
      deps.clock(),
    );
  }

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

  /** Evaluates every rule now; returns the alerts it opened and announced. Notifications go out in the background. */
  evaluate(): Alert[] {
    const now = this.deps.clock();
    return this.deps.rules.flatMap((rule) => this.evaluateRule(rule, now));
  }

  private evaluateRule(rule: AlertRule, now: number): Alert[] {
    const { analytics, store } = this.deps;
    const breached = new Map<string, Reading>();
    const healthy = new Set<string>();
    for (const reading of readings(rule, analytics, now)) {
      const key = alertKey(reading.brand, reading.subject);
      if (reading.breached) breached.set(key, reading);
      else if (reading.healthy) healthy.add(key);
    }
    const open = new Set<string>();
    for (const alert of store.openOf(rule.id)) {
      const key = alertKey(alert.brand, alert.subject);
      open.add(key);
      if (breached.has(key)) this.misses.delete(alert.id);
      else this.miss(rule, alert.id, healthy.has(key), now);
    }
    const opened: Alert[] = [];
    for (const [key, reading] of breached) {
      if (open.has(key)) continue;
      const subject = { rule: rule.id, brand: reading.brand, subject: reading.subject };
      if (store.reopen(subject, now - rule.holdOffMinutes * MINUTE) !== undefined) continue;
      const alert = store.open({
        ...subject,
        at: now,
        severity: rule.severity,
        title: reading.title,
        detail: reading.detail,
        value: reading.value,
        threshold: reading.limit,
      });
      if (alert === undefined) continue;
      opened.push(alert);
      this.announce(rule, alert);
    }
    return opened;
  }

  /** One more evaluation without the alert's condition: clears it when that makes `clearAfter`, or when healthy. */
  private miss(rule: AlertRule, id: number, healthy: boolean, now: number): void {
    const misses = (this.misses.get(id) ?? 0) + 1;
    if (healthy || misses >= rule.clearAfter) {
      this.deps.store.clear(id, now);
      this.misses.delete(id);
    } else {
      this.misses.set(id, misses);
    }
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
