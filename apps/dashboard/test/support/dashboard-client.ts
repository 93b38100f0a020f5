export interface DashboardResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON for JSON bodies, the text otherwise. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** The Origin header; null sends none. Defaults to the dashboard's own origin on state-changing requests. */
  origin?: string | null;
  /** The X-CSRF-Token header; null sends none. Defaults to the token of the sign-in. */
  csrfToken?: string | null;
  headers?: Record<string, string>;
}

/** A browser's view of the dashboard API: keeps the session cookie and the CSRF token, sends the page's Origin. */
export class DashboardClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly url: string) {}

  async signIn(username: string, password: string): Promise<DashboardResponse> {
    const response = await this.request('POST', '/api/session', { body: { username, password } });
    if (response.status === 200) this.csrfToken = (response.body as { csrfToken: string }).csrfToken;
    return response;
  }

  get(path: string, options: RequestOptions = {}): Promise<DashboardResponse> {
    return this.request('GET', path, options);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<DashboardResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const changesState = !['GET', 'HEAD'].includes(method);
    const origin = options.origin === undefined ? (changesState ? this.url : null) : options.origin;
    if (origin !== null) headers.origin = origin;
    const csrfToken = options.csrfToken === undefined ? this.csrfToken : options.csrfToken;
    if (changesState && csrfToken !== undefined && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
    if (this.cookie !== undefined) headers.cookie = this.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    const body =
      /json/.test(response.headers.get('content-type') ?? '') && text !== '' ? (JSON.parse(text) as unknown) : text;
    return { status: response.status, headers: response.headers, body, text };
  }
}
