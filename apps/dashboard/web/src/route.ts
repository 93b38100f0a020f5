/**
 * The page's state that belongs in the URL (shareable, the back button works): the view and the filters.
 * Everything is in the query string of `/`, so any static server can serve the page.
 */
export type View = 'overview' | 'fraud' | 'live' | 'alerts';
export type Period = '24h' | '7d' | '30d' | 'custom';

export interface Route {
  view: View;
  /** A brand id; null: every brand (the market). An analyst's brand is forced by the server anyway. */
  brand: string | null;
  period: Period;
  /** The custom period's first and last day (YYYY-MM-DD, inclusive, UTC days); null for the other periods. */
  from: string | null;
  to: string | null;
  /** ISO 3166-1 alpha-2; null: every country. */
  country: string | null;
}

export const VIEWS: readonly View[] = ['overview', 'fraud', 'live', 'alerts'];
export const PERIODS: readonly Period[] = ['24h', '7d', '30d', 'custom'];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PERIOD_HOURS: Record<Exclude<Period, 'custom'>, number> = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 };
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

export function routeFromSearch(search: string): Route {
  const params = new URLSearchParams(search);
  const view = oneOf(params.get('view'), VIEWS, 'overview');
  const period = oneOf(params.get('period'), PERIODS, '7d');
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  const custom = period === 'custom' && from !== null && to !== null && from <= to;
  const country = params.get('country');
  return {
    view,
    brand: params.get('brand') || null,
    period: period === 'custom' && !custom ? '7d' : period,
    from: custom ? from : null,
    to: custom ? to : null,
    country: country !== null && COUNTRY_PATTERN.test(country) ? country : null,
  };
}

/** The query string of a route, leaving out what is the default, so URLs stay short. */
export function searchOf(route: Route): string {
  const params = new URLSearchParams();
  if (route.view !== 'overview') params.set('view', route.view);
  if (route.brand) params.set('brand', route.brand);
  if (route.period !== '7d') params.set('period', route.period);
  if (route.period === 'custom' && route.from && route.to) {
    params.set('from', route.from);
    params.set('to', route.to);
  }
  if (route.country) params.set('country', route.country);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/**
 * The route's period in epoch ms, [from, to). A rolling period ends at the end of the current hour, so the
 * sessions of the last minutes count; a custom one covers its days in UTC, the days the figures are bucketed by.
 */
export function periodRange(route: Route, now: number): { from: number; to: number } {
  if (route.period === 'custom' && route.from && route.to) {
    return { from: utcMidnight(route.from), to: utcMidnight(route.to) + DAY_MS };
  }
  const hours = PERIOD_HOURS[route.period === 'custom' ? '7d' : route.period];
  const to = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS;
  return { from: to - hours * HOUR_MS, to };
}

/** The query the API's filtered endpoints take (overview, fraud, countries, export). */
export function filterQuery(route: Route, now: number, options: { country: boolean } = { country: true }): string {
  const { from, to } = periodRange(route, now);
  const params = new URLSearchParams({ from: String(from), to: String(to) });
  if (route.brand) params.set('brand', route.brand);
  if (options.country && route.country) params.set('country', route.country);
  return params.toString();
}

/** YYYY-MM-DD of the UTC day `daysBefore` days before the one of `now` (for date inputs). */
export function utcDay(now: number, daysBefore = 0): string {
  return new Date(now - daysBefore * DAY_MS).toISOString().slice(0, 10);
}

function utcMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function day(value: string | null): string | null {
  return value !== null && DAY_PATTERN.test(value) && !Number.isNaN(utcMidnight(value)) ? value : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
