export { openAnalytics } from './sqlite-analytics.js';
export type { ActivityRow, Analytics, AnalyticsOptions, LiveEvent } from './analytics-port.js';
export * from './figures.js';
