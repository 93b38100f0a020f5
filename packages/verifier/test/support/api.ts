import type { DevInboxMessage } from '@otp-verify/protocol';
import { ACME } from './brands.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  contentType: string;
  /** Parsed JSON for JSON and problem+json responses, the text otherwise, undefined when empty. */
  body: unknown;
}

export interface RequestOptions {
  body?: unknown;
  bearer?: string;
  /** The Origin header; null sends none. Defaults to the client's origin. */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** A tiny client for the verifier's HTTP API, as a page on `origin` (or a server with a key) would use it. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly origin: string | null = ACME.origin,
  ) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (origin !== null) headers.origin = origin;
    if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const body = text === '' ? undefined : /json/.test(contentType) ? (JSON.parse(text) as unknown) : text;
    return { status: response.status, headers: response.headers, contentType, body };
  }

  createSession(body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<ApiResponse> {
    return this.request('POST', '/v1/sessions', { ...options, body });
  }

  send(id: string, clientSecret: string | undefined, body: unknown = {}): Promise<ApiResponse> {
    return this.request('POST', `/v1/sessions/${encodeURIComponent(id)}/send`, { body, bearer: clientSecret });
  }

  check(id: string, clientSecret: string | undefined, code: unknown): Promise<ApiResponse> {
    return this.request('POST', `/v1/sessions/${encodeURIComponent(id)}/check`, {
      body: { code },
      bearer: clientSecret,
    });
  }

  getSession(id: string, clientSecret: string | undefined): Promise<ApiResponse> {
    return this.request('GET', `/v1/sessions/${encodeURIComponent(id)}`, { bearer: clientSecret });
  }

  redeem(secretKey: string | undefined, body: unknown): Promise<ApiResponse> {
    return this.request('POST', '/v1/redemptions', { body, bearer: secretKey, origin: null });
  }

  /** The dev inbox for one number, newest first. */
  async inbox(to: string): Promise<DevInboxMessage[]> {
    const response = await this.request('GET', `/dev/inbox/messages?${new URLSearchParams({ to })}`, { origin: null });
    if (response.status !== 200) throw new Error(`dev inbox answered ${response.status}`);
    return response.body as DevInboxMessage[];
  }

  /** The code of the newest message to `to`, read from the WebOTP line at the end of the SMS. */
  async latestCode(to: string): Promise<string> {
    const [newest] = await this.inbox(to);
    if (newest === undefined) throw new Error(`no message to ${to}`);
    return codeFromSms(newest.body);
  }
}

export function codeFromSms(body: string): string {
  const match = /#(\d+)$/.exec(body.split('\n').at(-1) ?? '');
  if (match?.[1] === undefined) throw new Error(`no code in SMS: ${body}`);
  return match[1];
}

export function order(overrides: Partial<{ id: string; amount: number; currency: string }> = {}) {
  return { id: 'order-1001', amount: 12999, currency: 'EUR', ...overrides };
}

export interface CreatedSession {
  id: string;
  clientSecret: string;
  phone: string;
}

/** Creates a session for the brand's page with a typed phone number and returns its credential. */
export async function createSession(
  api: ApiClient,
  phone: string,
  extra: Record<string, unknown> = {},
  brand: string = ACME.id,
): Promise<CreatedSession> {
  const response = await api.createSession({ brand, order: order(), phone, ...extra });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  const body = response.body as { id: string; clientSecret: string };
  return { id: body.id, clientSecret: body.clientSecret, phone };
}

/** Creates a session as the brand's checkout server does (secret key), which alone may add the customer's email. */
export async function createServerSession(
  api: ApiClient,
  brand: { id: string; secretKey: string },
  phone: string,
  extra: Record<string, unknown> = {},
): Promise<CreatedSession> {
  const server = new ApiClient(api.baseUrl, null);
  const response = await server.createSession(
    { brand: brand.id, order: order(), phone, ...extra },
    { bearer: brand.secretKey },
  );
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  const body = response.body as { id: string; clientSecret: string };
  return { id: body.id, clientSecret: body.clientSecret, phone };
}

/** Creates a session and sends its first code; returns the code read from the dev inbox. */
export async function sessionWithCode(
  api: ApiClient,
  phone: string,
  extra: Record<string, unknown> = {},
  brand: string = ACME.id,
): Promise<CreatedSession & { code: string }> {
  const session = await createSession(api, phone, extra, brand);
  const sent = await api.send(session.id, session.clientSecret);
  if (sent.status !== 202) throw new Error(`send answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  return { ...session, code: await api.latestCode(phone) };
}

/** The whole page flow up to the order-verified token. */
export async function verifiedToken(
  api: ApiClient,
  phone: string,
  extra: Record<string, unknown> = {},
  brand: string = ACME.id,
): Promise<CreatedSession & { code: string; token: string }> {
  const session = await sessionWithCode(api, phone, extra, brand);
  const checked = await api.check(session.id, session.clientSecret, session.code);
  if (checked.status !== 200) throw new Error(`check answered ${checked.status}: ${JSON.stringify(checked.body)}`);
  return { ...session, token: (checked.body as { token: string }).token };
}
