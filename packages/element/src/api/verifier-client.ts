import type {
  BrandSettings,
  CheckResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  SendRequest,
  SendResponse,
  SessionView,
} from '@otp-verify/protocol';
import { failureFromResponse } from './failure.js';
import type { Failure } from './failure.js';

/** A request to the verifier that did not succeed; `failure` says why. */
export class VerifierError extends Error {
  readonly failure: Failure;

  constructor(failure: Failure) {
    super(failure.code);
    this.name = 'VerifierError';
    this.failure = failure;
  }
}

/** Long enough for a slow mobile network, short enough that a hung request does not block the customer. */
const REQUEST_TIMEOUT_MS = 20_000;

/** The verifier's API v1 as the element uses it (API.md). */
export class VerifierClient {
  readonly #base: string;

  constructor(baseUrl: string) {
    this.#base = baseUrl.replace(/\/+$/, '');
  }

  /** The brand's public settings, with the text in the verifier's best match for `locale`. */
  brand(brand: string, locale: string, signal: AbortSignal): Promise<BrandSettings> {
    const query = new URLSearchParams({ locale });
    return this.#request('GET', `/v1/brands/${encodeURIComponent(brand)}?${query}`, signal);
  }

  createSession(body: CreateSessionRequest, signal: AbortSignal): Promise<CreateSessionResponse> {
    return this.#request('POST', '/v1/sessions', signal, { body });
  }

  /** Reads a session, e.g. one the checkout server created: status and masked number, never the number. */
  session(sessionId: string, clientSecret: string, signal: AbortSignal): Promise<SessionView> {
    return this.#request('GET', `/v1/sessions/${encodeURIComponent(sessionId)}`, signal, { clientSecret });
  }

  /** The session already has the number: the body carries only the browser's fingerprint and a captcha's token. */
  send(
    sessionId: string,
    clientSecret: string,
    body: Pick<SendRequest, 'fingerprint' | 'challengeToken'>,
    signal: AbortSignal,
  ): Promise<SendResponse> {
    return this.#request('POST', `/v1/sessions/${encodeURIComponent(sessionId)}/send`, signal, {
      body,
      clientSecret,
    });
  }

  check(sessionId: string, clientSecret: string, code: string, signal: AbortSignal): Promise<CheckResponse> {
    return this.#request('POST', `/v1/sessions/${encodeURIComponent(sessionId)}/check`, signal, {
      body: { code },
      clientSecret,
    });
  }

  async #request<T>(
    method: 'GET' | 'POST',
    path: string,
    signal: AbortSignal,
    options: { body?: object; clientSecret?: string } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.body) headers['Content-Type'] = 'application/json';
    if (options.clientSecret) headers.Authorization = `Bearer ${options.clientSecret}`;
    // One controller for the caller's cancel and the timeout (AbortSignal.any is too recent for older iPhones).
    signal.throwIfAborted();
    const request = new AbortController();
    const cancel = () => request.abort();
    signal.addEventListener('abort', cancel);
    const timer = setTimeout(cancel, REQUEST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(this.#base + path, {
        method,
        headers,
        body: options.body ? JSON.stringify(options.body) : null,
        credentials: 'omit',
        signal: request.signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new VerifierError({ code: 'network_error' });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok)
      throw new VerifierError(failureFromResponse(response.status, body, response.headers.get('Retry-After')));
    if (body === undefined) throw new VerifierError({ code: 'internal_error' });
    return body as T;
  }
}
