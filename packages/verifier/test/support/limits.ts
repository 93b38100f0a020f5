import { expect } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import type { TrustProxy } from '../../src/config/settings.js';
import type { ApiClient, ApiResponse, CreatedSession } from './api.js';
import { order } from './api.js';
import { ACME, rawTestBrands, spreadMobile } from './brands.js';
import type { VerifierFixture } from './fixture.js';
import { startTestVerifier } from './fixture.js';
import { expectProblem } from './problem.js';

/**
 * A verifier on the test brands with the given file-wide `limits` (undefined: the built-in defaults,
 * nothing generous) and optional per-brand `limits`.
 */
export async function startLimitedVerifier(
  options: {
    limits?: Record<string, unknown>;
    brandLimits?: Record<string, Record<string, unknown>>;
    trustProxy?: TrustProxy;
    dataDir?: string;
  } = {},
): Promise<VerifierFixture> {
  const raw = rawTestBrands();
  delete raw.limits;
  if (options.limits !== undefined) raw.limits = options.limits;
  for (const brand of raw.brands) {
    const own = options.brandLimits?.[brand.id as string];
    if (own !== undefined) brand.limits = own;
  }
  return startTestVerifier({
    brands: brandRegistry(raw, 'limit test brands'),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
  });
}

/** Headers that claim the request comes from `ip` through a proxy (believed only with trust proxy on). */
export function fromIp(ip: string | undefined): Record<string, string> {
  return ip === undefined ? {} : { 'x-forwarded-for': ip };
}

/** Creates a session for a typed number (as the page on `api.origin` would) and asks for its code. */
export async function createAndSend(
  api: ApiClient,
  phone: string,
  options: { ip?: string; brand?: string; country?: string } = {},
): Promise<{ session: CreatedSession; sent: ApiResponse }> {
  const created = await api.createSession(
    {
      brand: options.brand ?? ACME.id,
      order: order(),
      phone,
      ...(options.country === undefined ? {} : { country: options.country }),
    },
    { headers: fromIp(options.ip) },
  );
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { id, clientSecret } = created.body as { id: string; clientSecret: string };
  const sent = await api.request('POST', `/v1/sessions/${id}/send`, {
    body: {},
    bearer: clientSecret,
    headers: fromIp(options.ip),
  });
  return { session: { id, clientSecret, phone }, sent };
}

export function check(api: ApiClient, session: CreatedSession, code: string, ip?: string): Promise<ApiResponse> {
  return api.request('POST', `/v1/sessions/${session.id}/check`, {
    body: { code },
    bearer: session.clientSecret,
    headers: fromIp(ip),
  });
}

/** Asserts 429 rate_limited problem+json whose Retry-After header and retryAfter field agree (and equal `seconds`). */
export function expectRateLimited(response: ApiResponse, seconds?: number): number {
  const problem = expectProblem(response, 'rate_limited');
  expect(problem.retryAfter).toEqual(expect.any(Number));
  expect(response.headers.get('retry-after')).toBe(String(problem.retryAfter));
  if (seconds !== undefined) expect(problem.retryAfter).toBe(seconds);
  else expect(problem.retryAfter).toBeGreaterThan(0);
  return problem.retryAfter as number;
}

let sequence = 0;

/** A valid German mobile number unique to this test run (a range no other test uses). */
export function freshMobile(): string {
  sequence += 1;
  return spreadMobile('+49171', sequence);
}
