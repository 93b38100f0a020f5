import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBrands } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import { providerNames } from '../../src/delivery/providers.js';
import { createSession } from '../support/api.js';
import { brandsConfigError, rawTestBrands, uniqueMobile, writeTestBrandsDirectory } from '../support/brands.js';
import type { VerifierFixture } from '../support/fixture.js';
import { startTestVerifier } from '../support/fixture.js';
import { scriptedProvider } from '../support/scripted-provider.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir> | undefined;
let fixture: VerifierFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  dir?.remove();
  fixture = undefined;
  dir = undefined;
});

describe('platform.json `outbox`', () => {
  it('reaches the verifier: maxAttempts 1 dead-letters a message at its first failure', async () => {
    dir = tempDir();
    const gateway = scriptedProvider('gateway');
    gateway.script([], 'fail');
    const brandsDir = writeTestBrandsDirectory(
      join(dir.path, 'brands'),
      (brand) => Object.assign(brand, { delivery: { sms: ['gateway'] } }),
      { outbox: { maxAttempts: 1 } },
    );
    const brands = loadBrands(brandsDir, providerNames({ gateway }));
    expect(brands.outbox).toEqual({ maxAttempts: 1 });
    fixture = await startTestVerifier({ brands, providers: { gateway } });
    const session = await createSession(fixture.api, uniqueMobile());
    expect((await fixture.api.send(session.id, session.clientSecret)).status).toBe(202);
    await fixture.verifier.context.outbox.idle();
    expect(fixture.verifier.context.store.listMessages({ sessionId: session.id, limit: 1 })).toEqual([
      expect.objectContaining({ state: 'dead', attempts: 1 }),
    ]);
  });

  it.each([
    ['an attempt timeout under 100 ms', { attemptTimeoutMs: 50 }, 'outbox.attemptTimeoutMs'],
    ['no attempt at all', { maxAttempts: 0 }, 'outbox.maxAttempts'],
    ['a retry cap under its base', { retry: { baseMs: 5_000, maxMs: 1_000 } }, 'outbox.retry.maxMs'],
    [
      'a breaker that never opens',
      { breaker: { failureThreshold: 0, openMs: 1_000 } },
      'outbox.breaker.failureThreshold',
    ],
    ['an unknown setting', { retries: 3 }, 'outbox'],
  ])('refuses %s, naming the field', (_case, outbox, field) => {
    const error = brandsConfigError({ ...rawTestBrands(), outbox });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(field);
  });
});
