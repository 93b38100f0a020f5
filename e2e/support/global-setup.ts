import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoBrands } from '@otp-verify/demo-shop';
import { freePort } from './free-port.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

/**
 * Starts the main job (verifier + demo shop, as `npm start` runs it) on ports chosen here, with a
 * fresh data directory and the demo brands allowed on this run's shop and examples origins only.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const [shopPort, verifierPort, examplesPort] = [await freePort(), await freePort(), await freePort()];
  const shopOrigin = `http://127.0.0.1:${shopPort}`;
  // The element's embedding examples (tests/embedding-examples.spec.ts serves them there).
  const examplesOrigin = `http://127.0.0.1:${examplesPort}`;
  const verifierUrl = `http://127.0.0.1:${verifierPort}`;
  const workDir = mkdtempSync(join(tmpdir(), 'otp-verify-e2e-'));
  const brandsDir = join(workDir, 'brands');
  writeDemoBrands(brandsDir, {
    allowedOrigins: [shopOrigin, examplesOrigin],
    customerAuthIssuer: shopOrigin,
    // Every test runs from 127.0.0.1 and many reuse the demo numbers: room for the whole run, which the
    // demo's defaults (5 codes per number an hour, 20 per IP) would not give.
    limits: {
      sendsPerPhone: [{ max: 10_000, windowSeconds: 3_600 }],
      sendsPerIp: [{ max: 100_000, windowSeconds: 3_600 }],
      wrongChecksPerIp: [{ max: 100_000, windowSeconds: 3_600 }],
    },
  });

  const child = spawn(process.execPath, [join(repoRoot, 'apps/demo-shop/dist/main.js')], {
    env: {
      ...process.env,
      SHOP_PORT: String(shopPort),
      OTP_VERIFY_PORT: String(verifierPort),
      OTP_VERIFY_PUBLIC_URL: verifierUrl,
      OTP_VERIFY_DATA_DIR: join(workDir, 'data'),
      OTP_VERIFY_BRANDS: brandsDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  await waitUntilServing(
    `${shopOrigin}/`,
    `${verifierUrl}/readyz`,
    () => output,
    () => child.exitCode,
  );
  process.env.E2E_SHOP_URL = shopOrigin;
  process.env.E2E_VERIFIER_URL = verifierUrl;
  process.env.E2E_EXAMPLES_URL = examplesOrigin;

  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    rmSync(workDir, { recursive: true, force: true });
  };
}

async function waitUntilServing(
  shopUrl: string,
  readyUrl: string,
  output: () => string,
  exitCode: () => number | null,
): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`the demo exited with code ${exitCode()} before serving:\n${output()}`);
    const up = await Promise.all([fetch(shopUrl), fetch(readyUrl)]).then(
      (responses) => responses.every((response) => response.ok),
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `the demo did not serve within ${STARTUP_TIMEOUT_MS} ms. Did \`pnpm run build\` run? Output:\n${output()}`,
  );
}
