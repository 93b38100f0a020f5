/**
 * Server-to-server sessions for a customer reference: the number comes from the brand's customer directory,
 * only the brand's secret key may ask, and a slow or failing directory gives a clear, bounded error.
 *
 * Requirements: issue 3 "Where the phone number comes from" (HTTP directory adapter: timeout, retries, clear
 * errors); API.md POST /v1/sessions (customerRef with the secret key only); ASVS 5 V13.2.1 (service-to-service
 * calls authenticated) and V16.5.2 (the application stays secure and answers clearly when an external
 * resource fails). The directory is real: a node:http server on 127.0.0.1 scripted by each test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import { HttpCustomerDirectory } from '../../src/directory/customer-directory.js';
import { ApiClient, order } from '../support/api.js';
import { ACME, GLOBEX, rawTestBrands } from '../support/brands.js';
import type { TestDirectory } from '../support/customer-auth.js';
import { UMBRELLA, customerAuthBrands, customerRefSession, startDirectory } from '../support/customer-auth.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { expectProblem } from '../support/problem.js';

let directory: TestDirectory;
let fixture: VerifierFixture;
/** The brand's checkout server: no Origin, the secret key. */
let server: ApiClient;

beforeAll(async () => {
  directory = await startDirectory();
  fixture = await startTestVerifier({ brands: customerAuthBrands({ directoryUrl: directory.url }) });
  server = new ApiClient(fixture.url, null);
});
afterAll(async () => {
  await fixture.dispose();
  await directory.stop();
});

const create = (body: unknown, bearer: string = UMBRELLA.secretKey) => server.createSession(body, { bearer });

describe('customerRef resolved through the brand’s HTTP directory', () => {
  it('a known customer’s verified number gets the code; the directory is asked with the configured credential', async () => {
    directory.customers.set('cust-known', { kind: 'customer', phoneNumber: '+49 170 5550 7788', verified: true });
    const created = await create(customerRefSession('cust-known'));
    expect(created.status).toBe(201);
    const session = created.body as { id: string; clientSecret: string; phoneMasked: string };
    expect(session.phoneMasked).toBe('••• 88');
    expect(JSON.stringify(created.body)).not.toMatch(/5550 ?7788|17055507/);
    expect(directory.requests.at(-1)).toEqual({
      method: 'POST',
      customerRef: 'cust-known',
      brand: UMBRELLA.id,
      authorization: `Bearer ${UMBRELLA.directoryToken}`,
    });
    // The element takes over with the session's client secret.
    const element = new ApiClient(fixture.url, UMBRELLA.origin);
    expect((await element.send(session.id, session.clientSecret)).status).toBe(202);
    const code = await fixture.api.latestCode('+491705550' + '7788');
    const checked = await element.check(session.id, session.clientSecret, code);
    expect(checked.status).toBe(200);
  });

  it('401 invalid_secret_key for customerRef without the secret key (publishable id from the page) or with another brand’s', async () => {
    directory.customers.set('cust-page', { kind: 'customer', phoneNumber: '+4917055500001', verified: true });
    const page = new ApiClient(fixture.url, UMBRELLA.origin);
    expectProblem(await page.createSession(customerRefSession('cust-page')), 'invalid_secret_key');
    expectProblem(await create(customerRefSession('cust-page'), GLOBEX.secretKey), 'invalid_secret_key');
    expect(directory.requestsFor('cust-page')).toBe(0);
  });

  it('400 invalid_request at a brand without a directory, and for customerRef mixed with phone or customerToken', async () => {
    expectProblem(
      await create({ brand: ACME.id, order: order(), customerRef: 'c-1' }, ACME.secretKey),
      'invalid_request',
    );
    expectProblem(await create({ ...customerRefSession('cust-x'), phone: '+4917012345678' }), 'invalid_request');
    expectProblem(await create({ ...customerRefSession('cust-x'), customerToken: 'a.b.c' }), 'invalid_request');
    expect(directory.requestsFor('cust-x')).toBe(0);
  });

  it('404 from the directory: the session is created, suppressed (nothing is ever sent)', async () => {
    const created = await create(customerRefSession('cust-nobody'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'created', phoneMasked: expect.stringMatching(/^••• \d\d$/) });
    expect(directory.requestsFor('cust-nobody')).toBe(1);
  });

  it('5xx then success: retried with back-off, and the session is created', async () => {
    directory.customers.set('cust-flaky', {
      kind: 'flaky',
      failures: 2,
      status: 502,
      then: { kind: 'customer', phoneNumber: '+4917055500002', verified: true },
    });
    const created = await create(customerRefSession('cust-flaky'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phoneMasked: '••• 02' });
    expect(directory.requestsFor('cust-flaky')).toBe(3);
  });

  it('a hanging directory: each attempt times out, then 503 directory_unavailable within the bounded time', async () => {
    directory.customers.set('cust-hang', { kind: 'hang' });
    const started = Date.now();
    const problem = expectProblem(await create(customerRefSession('cust-hang')), 'directory_unavailable');
    const elapsed = Date.now() - started;
    expect(problem.detail).toMatch(/no answer within 300 ms \(3 attempts\)/);
    expect(directory.requestsFor('cust-hang')).toBe(3);
    // 3 attempts x 300 ms + back-off 100 + 200 ms, with room for a slow machine but far from unbounded.
    expect(elapsed).toBeGreaterThanOrEqual(1100);
    expect(elapsed).toBeLessThan(5000);
  });

  it('5xx every time: 503 directory_unavailable with Retry-After after retries+1 attempts', async () => {
    directory.customers.set('cust-down', { kind: 'status', status: 500 });
    const response = await create(customerRefSession('cust-down'));
    expect(expectProblem(response, 'directory_unavailable').detail).toMatch(/answered 500 \(3 attempts\)/);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(directory.requestsFor('cust-down')).toBe(3);
  });

  it('4xx other than 404, a malformed answer and one over 16 KB: 503 directory_unavailable at once, not retried', async () => {
    directory.customers.set('cust-403', { kind: 'status', status: 403 });
    directory.customers.set('cust-garbage', { kind: 'status', status: 200, body: '<html>login</html>' });
    directory.customers.set('cust-shape', { kind: 'status', status: 200, body: '{"phone":"+4917055500003"}' });
    // An answer over 16 KB is not buffered whole (CWE-400): reading stops at the cap.
    const padded = JSON.stringify({
      phoneNumber: '+4917055500004',
      phoneNumberVerified: true,
      pad: 'x'.repeat(20_000),
    });
    directory.customers.set('cust-huge', { kind: 'status', status: 200, body: padded });
    for (const ref of ['cust-403', 'cust-garbage', 'cust-shape', 'cust-huge']) {
      expectProblem(await create(customerRefSession(ref)), 'directory_unavailable');
      expect(directory.requestsFor(ref)).toBe(1);
    }
  });

  it('a directory that refuses connections: 503 directory_unavailable, no stack or address in the answer', async () => {
    const closed = await startDirectory();
    await closed.stop();
    const unreachable = await startTestVerifier({ brands: customerAuthBrands({ directoryUrl: closed.url }) });
    try {
      const client = new ApiClient(unreachable.url, null);
      const response = await client.createSession(customerRefSession('cust-1'), { bearer: UMBRELLA.secretKey });
      const problem = expectProblem(response, 'directory_unavailable');
      expect(problem.detail).toMatch(/unreachable \(3 attempts\)/);
      expect(JSON.stringify(problem)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await unreachable.dispose();
    }
  });

  it('GET directories get the reference as a query parameter', async () => {
    const getDirectory = await startDirectory();
    getDirectory.customers.set('cust/ü?&=1', { kind: 'customer', phoneNumber: '+4917055500004', verified: true });
    const verifier = await startTestVerifier({
      brands: customerAuthBrands({ directoryUrl: getDirectory.url, directory: { method: 'GET' } }),
    });
    try {
      const client = new ApiClient(verifier.url, null);
      const response = await client.createSession(customerRefSession('cust/ü?&=1'), { bearer: UMBRELLA.secretKey });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ phoneMasked: '••• 04' });
      expect(getDirectory.requests).toEqual([expect.objectContaining({ method: 'GET', customerRef: 'cust/ü?&=1' })]);
    } finally {
      await verifier.dispose();
      await getDirectory.stop();
    }
  });
});

describe('directory configuration and back-off', () => {
  it('waits 100 ms, then 200 ms, between attempts (exponential back-off)', async () => {
    directory.customers.set('cust-backoff', { kind: 'status', status: 503 });
    const waits: number[] = [];
    const registry = customerAuthBrands({ directoryUrl: directory.url, directory: { retries: 3 } });
    const adapter = new HttpCustomerDirectory(registry.all(), {
      sleep: (milliseconds) => {
        waits.push(milliseconds);
        return Promise.resolve();
      },
    });
    await expect(adapter.lookup(UMBRELLA.id, 'cust-backoff')).rejects.toMatchObject({ code: 'directory_unavailable' });
    expect(waits).toEqual([100, 200, 400]);
    expect(directory.requestsFor('cust-backoff')).toBe(4);
  });

  it('refuses a directory config outside its bounds at start', () => {
    for (const directoryConfig of [
      { url: 'ftp://directory.test/lookup' },
      { url: 'https://directory.test/lookup', timeoutMs: 0 },
      { url: 'https://directory.test/lookup', timeoutMs: 60_000 },
      { url: 'https://directory.test/lookup', retries: 10 },
      { url: 'https://directory.test/lookup', method: 'DELETE' },
      { url: 'https://directory.test/lookup', headers: { 'Bad Header': 'x' } },
      { url: 'https://directory.test/lookup', extra: true },
    ]) {
      const raw = rawTestBrands();
      (raw.brands[0] as Record<string, unknown>).directory = directoryConfig;
      expect(() => brandRegistry(raw, 'brands.json'), JSON.stringify(directoryConfig)).toThrow(ConfigError);
    }
    const raw = rawTestBrands();
    (raw.brands[0] as Record<string, unknown>).directory = { url: 'https://directory.test/lookup' };
    expect(brandRegistry(raw, 'brands.json').get(ACME.id)?.directory).toEqual({
      url: 'https://directory.test/lookup',
      method: 'POST',
      timeoutMs: 2000,
      retries: 1,
    });
  });
});
