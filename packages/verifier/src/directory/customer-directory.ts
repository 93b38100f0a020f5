import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import type { BrandConfig } from '../config/brand-schema.js';
import { VerificationError } from '../domain/errors.js';
import { MAX_ANSWER_BYTES, readCapped } from './post-for-json.js';

/** What the brand's directory says about a customer reference. */
export type DirectoryAnswer =
  | { kind: 'found'; phoneNumber: string }
  /** Known, but with no number or a number the customer has not verified. */
  | { kind: 'unverified' }
  | { kind: 'unknown' };

/** Where a customer reference's registered phone number comes from (server-to-server session creation). */
export interface CustomerDirectory {
  has(brand: string): boolean;
  lookup(brand: string, customerRef: string): Promise<DirectoryAnswer>;
}

type DirectoryConfig = NonNullable<BrandConfig['directory']>;

/** The answer contract of a brand's directory (README "Customer directory"). */
const answerSchema = z.object({
  phoneNumber: z.string().min(1).max(64).nullable().optional(),
  phoneNumberVerified: z.boolean(),
});

const BACKOFF_BASE_MS = 100;
const BACKOFF_MAX_MS = 1000;

export interface HttpDirectoryOptions {
  /** Waits between attempts (injected by tests that count retries without waiting). */
  sleep?: (milliseconds: number) => Promise<unknown>;
}

/** A failure worth another attempt: the network, a timeout or a 5xx. */
class RetryableFailure extends Error {}

/**
 * Looks customer references up in each brand's customer-auth service over HTTP: one attempt is bounded by
 * `timeoutMs`, network errors, timeouts and 5xx are retried `retries` times with exponential back-off, 4xx
 * are not. 404 means an unknown customer; anything unusable is `directory_unavailable` (503).
 */
export class HttpCustomerDirectory implements CustomerDirectory {
  private readonly byBrand = new Map<string, DirectoryConfig>();
  private readonly sleep: (milliseconds: number) => Promise<unknown>;

  constructor(brands: readonly BrandConfig[], options: HttpDirectoryOptions = {}) {
    for (const brand of brands) if (brand.directory !== undefined) this.byBrand.set(brand.id, brand.directory);
    this.sleep = options.sleep ?? ((milliseconds) => delay(milliseconds));
  }

  has(brand: string): boolean {
    return this.byBrand.has(brand);
  }

  async lookup(brand: string, customerRef: string): Promise<DirectoryAnswer> {
    const config = this.byBrand.get(brand);
    if (config === undefined) throw new Error(`brand ${brand} has no customer directory`);
    let lastFailure = '';
    for (let attempt = 0; attempt <= config.retries; attempt += 1) {
      if (attempt > 0) await this.sleep(Math.min(BACKOFF_BASE_MS * 2 ** (attempt - 1), BACKOFF_MAX_MS));
      try {
        return await this.attempt(config, brand, customerRef);
      } catch (error) {
        if (!(error instanceof RetryableFailure)) throw error;
        lastFailure = error.message;
      }
    }
    throw unavailable(`${lastFailure} (${config.retries + 1} attempts)`);
  }

  private async attempt(config: DirectoryConfig, brand: string, customerRef: string): Promise<DirectoryAnswer> {
    const url = new URL(config.url);
    const headers: Record<string, string> = { ...config.headers, accept: 'application/json' };
    let body: string | undefined;
    if (config.method === 'GET') {
      url.searchParams.set('customerRef', customerRef);
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify({ brand, customerRef });
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method: config.method,
        headers,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new RetryableFailure(timedOut ? `no answer within ${config.timeoutMs} ms` : 'unreachable');
    }
    let text: string | undefined;
    try {
      text = await readCapped(response, MAX_ANSWER_BYTES);
    } catch {
      throw new RetryableFailure(`the answer broke off or took longer than ${config.timeoutMs} ms`);
    }
    if (response.status >= 500) throw new RetryableFailure(`answered ${response.status}`);
    if (response.status === 404) return { kind: 'unknown' };
    if (response.status !== 200) throw unavailable(`answered ${response.status}`);
    return readAnswer(text);
  }
}

function readAnswer(text: string | undefined): DirectoryAnswer {
  if (text === undefined) throw unavailable('answered with more than 16 KB');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unavailable('answered with something other than JSON');
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) throw unavailable('answered without { phoneNumber, phoneNumberVerified }');
  const { phoneNumber, phoneNumberVerified } = parsed.data;
  if (typeof phoneNumber !== 'string' || !phoneNumberVerified) return { kind: 'unverified' };
  return { kind: 'found', phoneNumber };
}

function unavailable(reason: string): VerificationError {
  return new VerificationError('directory_unavailable', `The brand’s customer directory ${reason}. Try again later.`, {
    retryAfter: 5,
  });
}
