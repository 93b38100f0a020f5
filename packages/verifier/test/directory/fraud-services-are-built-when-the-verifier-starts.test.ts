import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brandRegistry } from '../../src/config/brands.js';
import { startCamaraStandIn } from '../../src/stand-ins.js';
import type { Verifier, VerifierOptions } from '../../src/verifier.js';
import { createVerifier } from '../../src/verifier.js';
import { PUBLIC_URL, rawTestBrands } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';
import { recordingLogger } from './recording-logger.js';

const SWAPPED = '+491700000099';

describe('the verifier builds its SIM-swap and captcha clients at start', () => {
  let dir: ReturnType<typeof tempDir>;
  let verifier: Verifier | undefined;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await verifier?.close();
    verifier = undefined;
    dir.remove();
  });

  const start = async (options: Partial<VerifierOptions>) => {
    verifier = await createVerifier({
      dataDir: dir.path,
      brands: brandRegistry(rawTestBrands(), 'test brands'),
      publicUrl: PUBLIC_URL,
      mode: 'dev',
      logger: recordingLogger().logger,
      keyPollIntervalMs: 0,
      ...options,
    });
    return verifier;
  };

  it('asks the SIM-swap service the options name, with the token from the environment', async () => {
    const standIn = await startCamaraStandIn({
      swaps: new Map([[SWAPPED, new Date()]]),
      auth: { bearer: 'demo-token' },
    });
    try {
      const { context } = await start({
        simSwapService: { url: standIn.url, auth: { type: 'bearer', secretEnv: 'SIM_SWAP_TOKEN' }, timeoutMs: 1000 },
        env: { SIM_SWAP_TOKEN: 'demo-token' },
      });
      expect(await context.simSwap?.check(SWAPPED, 240)).toBe('swapped');
    } finally {
      await standIn.stop();
    }
  });

  it('checks no number when no SIM-swap service is configured', async () => {
    expect((await start({})).context.simSwap).toBeUndefined();
  });

  // OWASP ASVS v4.0.3 2.10.4: a secret named in configuration but missing from the environment stops the start.
  it('refuses to start without the SIM-swap token', async () => {
    const simSwapService = {
      url: 'http://127.0.0.1:9/sim-swap/v2',
      auth: { type: 'bearer', secretEnv: 'SIM_SWAP_TOKEN' },
      timeoutMs: 1000,
    } as const;
    await expect(start({ simSwapService, env: {} })).rejects.toThrow(
      'platform.json simSwap.auth.secretEnv: the environment variable SIM_SWAP_TOKEN is not set',
    );
  });

  it("refuses to start without a brand's captcha secret, naming the brand", async () => {
    const raw = rawTestBrands();
    raw.brands[0] = {
      ...raw.brands[0],
      captcha: { siteKey: 'k', verifyUrl: 'http://127.0.0.1:9/siteverify', secretEnv: 'ACME_CAPTCHA' },
    };
    const brands = brandRegistry(raw, 'test brands');
    await expect(start({ brands, env: {} })).rejects.toThrow(
      'brand "acme": captcha.secretEnv: the environment variable ACME_CAPTCHA is not set',
    );
  });
});
