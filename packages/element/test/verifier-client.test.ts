import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerifierClient, VerifierError } from '../src/api/verifier-client.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function stubFetch(response: Response | Error) {
  const fetch = vi.fn((_url: string, _init: RequestInit) =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const signal = new AbortController().signal;

afterEach(() => {
  vi.unstubAllGlobals();
});

const SENT = {
  status: 'sent',
  phoneMasked: '••• 78',
  retryAfter: 30,
  expiresAt: '2030-01-01T00:00:00Z',
  sendsLeft: 3,
};

describe('VerifierClient', () => {
  it('sends the check with the client secret as a bearer token', async () => {
    const fetch = stubFetch(json(200, { status: 'verified', token: 'jwt', tokenExpiresAt: '2030-01-01T00:00:00Z' }));
    const client = new VerifierClient('https://verify.example/');
    await expect(client.check('ses_1', 'cs_secret', '123456', signal)).resolves.toMatchObject({ token: 'jwt' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://verify.example/v1/sessions/ses_1/check');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('omit');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer cs_secret', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"code":"123456"}');
  });

  it('reads a session with its client secret and no body', async () => {
    const view = { id: 'ses_1', status: 'created', phoneMasked: '••• 78', expiresAt: '2030-01-01T00:00:00Z' };
    const fetch = stubFetch(json(200, { ...view, attemptsLeft: 5, sendsLeft: 3, retryAfter: 0 }));
    await expect(new VerifierClient('https://v.example').session('ses_1', 'cs_1', signal)).resolves.toMatchObject(view);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://v.example/v1/sessions/ses_1');
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeNull();
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer cs_1' });
  });

  it('sends an empty body: the session already has the number', async () => {
    const fetch = stubFetch(json(202, SENT));
    await new VerifierClient('https://v.example').send('ses_1', 'cs_1', {}, signal);
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{}');
  });

  it("sends the browser's fingerprint and a captcha's token beside the session", async () => {
    const fetch = stubFetch(json(202, SENT));
    await new VerifierClient('https://v.example').send(
      'ses_1',
      'cs_1',
      { fingerprint: 'f'.repeat(43), challengeToken: 't' },
      signal,
    );
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({
      fingerprint: 'f'.repeat(43),
      challengeToken: 't',
    });
  });

  it('reads the challenge and the reasons of a challenge_required', async () => {
    const problem = { code: 'challenge_required', status: 403, challenge: 'step_up', reasons: ['sim_swap', 7] };
    stubFetch(json(403, problem));
    const error = await new VerifierClient('https://v.example').send('s', 'c', {}, signal).catch((e) => e);
    expect((error as VerifierError).failure).toEqual({
      code: 'challenge_required',
      challenge: 'step_up',
      reasons: ['sim_swap'],
    });
  });

  it('escapes the brand id in the path and asks for the text in the customer locale', async () => {
    const fetch = stubFetch(json(200, { id: 'acme' }));
    await new VerifierClient('http://127.0.0.1:8787').brand('a/b', 'de-AT', signal);
    expect(fetch.mock.calls[0]?.[0]).toBe('http://127.0.0.1:8787/v1/brands/a%2Fb?locale=de-AT');
  });

  it('turns a problem document into a failure', async () => {
    stubFetch(json(422, { type: 't', title: 'The code is wrong', status: 422, code: 'invalid_code', attemptsLeft: 2 }));
    const error = await new VerifierClient('https://v.example').check('s', 'c', '000000', signal).catch((e) => e);
    expect(error).toBeInstanceOf(VerifierError);
    expect((error as VerifierError).failure).toEqual({ code: 'invalid_code', attemptsLeft: 2 });
  });

  it('reports a network failure as network_error', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = await new VerifierClient('https://v.example').brand('acme', 'en', signal).catch((e) => e);
    expect((error as VerifierError).failure).toEqual({ code: 'network_error' });
  });

  it('rethrows the abort when the caller cancels', async () => {
    const controller = new AbortController();
    controller.abort();
    stubFetch(new DOMException('aborted', 'AbortError'));
    const error = await new VerifierClient('https://v.example').brand('acme', 'en', controller.signal).catch((e) => e);
    expect(error).not.toBeInstanceOf(VerifierError);
  });
});
