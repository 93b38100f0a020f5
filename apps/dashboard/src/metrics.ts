import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface DashboardMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'route'>;
  liveSubscribers: Gauge;
  eventsStreamed: Counter;
  /** Seconds between the newest event's time and the live feed picking it up (it folds what is pending first). */
  feedLag: Gauge;
  alertsFired: Counter<'rule' | 'severity'>;
  notificationFailures: Counter<'channel'>;
}

export function createMetrics(): DashboardMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'otp_dashboard_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'otp_dashboard_http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.3, 1, 3],
      registers,
    }),
    liveSubscribers: new Gauge({
      name: 'otp_dashboard_live_subscribers',
      help: 'Open live (SSE) streams',
      registers,
    }),
    eventsStreamed: new Counter({
      name: 'otp_dashboard_live_events_total',
      help: 'Events the live feed read from the event log (after folding them) and streamed',
      registers,
    }),
    feedLag: new Gauge({
      name: 'otp_dashboard_fold_lag_seconds',
      help: 'Age of the newest event when the live feed folded and streamed it',
      registers,
    }),
    alertsFired: new Counter({
      name: 'otp_dashboard_alerts_fired_total',
      help: 'Alerts opened by rule and severity',
      labelNames: ['rule', 'severity'],
      registers,
    }),
    notificationFailures: new Counter({
      name: 'otp_dashboard_alert_notification_failures_total',
      help: 'Alert notifications that could not be delivered, by channel',
      labelNames: ['channel'],
      registers,
    }),
  };
}
