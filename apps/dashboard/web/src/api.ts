import type { Alert, AlertRule, Brand, FraudOverview, Me, Overview } from './api-types.js';

/** A refused request, from the API's problem+json (`code` is the machine-readable reason). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The dashboard API (same origin). Remembers the CSRF token of the signed-in user for state-changing requests,
 * and calls `onSignedOut` when the server no longer knows the session (it expired, or was signed out elsewhere).
 */
export class DashboardApi {
  private csrfToken = '';

  constructor(private readonly onSignedOut: () => void) {}

  /** The signed-in user, or null when nobody is. */
  async me(): Promise<Me | null> {
    const response = await fetch('/api/me', { headers: { accept: 'application/json' } });
    if (response.status === 401) return null;
    return this.remember(await json<Me>(response));
  }

  async signIn(username: string, password: string): Promise<Me> {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return this.remember(await json<Me>(response));
  }

  async signOut(): Promise<void> {
    const response = await fetch('/api/session', { method: 'DELETE', headers: { 'x-csrf-token': this.csrfToken } });
    this.csrfToken = '';
    if (!response.ok && response.status !== 401) await json(response);
  }

  brands = () => this.get<Brand[]>('/api/brands');
  countries = (query: string) => this.get<string[]>(`/api/countries?${query}`);
  overview = (query: string) => this.get<Overview>(`/api/overview?${query}`);
  fraud = (query: string) => this.get<FraudOverview>(`/api/fraud?${query}`);
  alerts = (brand: string | null) => this.get<Alert[]>(`/api/alerts?${new URLSearchParams(brandParams(brand))}`);
  alertRules = () => this.get<AlertRule[]>('/api/alert-rules');

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: { accept: 'application/json' } });
    if (response.status === 401) this.onSignedOut();
    return json<T>(response);
  }

  private remember(me: Me): Me {
    this.csrfToken = me.csrfToken;
    return me;
  }
}

export function brandParams(brand: string | null): Record<string, string> {
  return brand ? { brand } : {};
}

async function json<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => ({}))) as { code?: string; title?: string; detail?: string };
  throw new ApiError(
    response.status,
    problem.code ?? `http_${response.status}`,
    problem.detail ?? problem.title ?? response.statusText,
  );
}
