import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoBrands } from '@otp-verify/demo-shop';
import { startDemoProcess } from './demo-process.js';
import { freePort } from './free-port.js';

/**
 * Starts the main job (verifier + demo shop, as `npm start` runs it) on ports chosen here, with a
 * fresh data directory and the demo brands allowed on this run's shop and examples origins only.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const [shopPort, examplesPort] = [await freePort(), await freePort()];
  const shopOrigin = `http://127.0.0.1:${shopPort}`;
  // The element's embedding examples (tests/embedding-examples.spec.ts serves them there).
  const examplesOrigin = `http://127.0.0.1:${examplesPort}`;
  const workDir = mkdtempSync(join(tmpdir(), 'otp-verify-e2e-'));
  const brandsDir = join(workDir, 'brands');
  writeDemoBrands(brandsDir, {
    allowedOrigins: [shopOrigin, examplesOrigin],
    customerAuthIssuer: shopOrigin,
    limits: E2E_LIMITS,
  });
  const demo = await startDemoProcess({ shopPort, dataDir: join(workDir, 'data'), brandsDir });
  process.env.E2E_SHOP_URL = demo.shopUrl;
  process.env.E2E_VERIFIER_URL = demo.verifierUrl;
  process.env.E2E_DASHBOARD_URL = demo.dashboardUrl;
  process.env.E2E_EXAMPLES_URL = examplesOrigin;

  return async () => {
    await demo.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}

/**
 * Every test runs from 127.0.0.1 and many reuse the demo numbers: room for the whole run, which the demo's
 * defaults (5 codes per number an hour, 20 per IP) would not give.
 */
export const E2E_LIMITS = {
  sendsPerPhone: [{ max: 10_000, windowSeconds: 3_600 }],
  sendsPerIp: [{ max: 100_000, windowSeconds: 3_600 }],
  wrongChecksPerIp: [{ max: 100_000, windowSeconds: 3_600 }],
};
