import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

export interface DemoProcess {
  shopUrl: string;
  verifierUrl: string;
  dashboardUrl: string;
  stop(): Promise<void>;
}

export interface DemoProcessOptions {
  shopPort: number;
  /** Where the verifier keeps its database and keys for this run. */
  dataDir: string;
  /** The brands directory the verifier loads (see writeDemoBrands). */
  brandsDir: string;
  /** More environment: DEMO_SHOP_FILE, DEMO_SECRET_KEYS_FILE, DEMO_THEMES_DIR... */
  env?: Record<string, string>;
}

/** The password of the demo's dashboard users (`operator`, `acme-analyst`) in every demo the tests start. */
export const DEMO_DASHBOARD_PASSWORD = 'e2e dashboard passphrase';

/** Starts the main job (verifier, demo shop and dashboard, as `npm start` runs it) and waits until all answer. */
export async function startDemoProcess(options: DemoProcessOptions): Promise<DemoProcess> {
  const [verifierPort, dashboardPort] = [await freePort(), await freePort()];
  const shopUrl = `http://127.0.0.1:${options.shopPort}`;
  const verifierUrl = `http://127.0.0.1:${verifierPort}`;
  const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  const child = spawn(process.execPath, [join(repoRoot, 'apps/demo-shop/dist/main.js')], {
    env: {
      ...process.env,
      SHOP_PORT: String(options.shopPort),
      OTP_VERIFY_PORT: String(verifierPort),
      OTP_VERIFY_PUBLIC_URL: verifierUrl,
      OTP_VERIFY_DATA_DIR: options.dataDir,
      OTP_VERIFY_BRANDS: options.brandsDir,
      DASHBOARD_PORT: String(dashboardPort),
      DEMO_DASHBOARD_PASSWORD,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    child.kill('SIGTERM');
    const running = child.exitCode === null && child.signalCode === null;
    await new Promise((resolve) => (running ? child.once('exit', resolve) : resolve(undefined)));
  };
  try {
    await waitUntilServing(
      `${shopUrl}/`,
      [`${verifierUrl}/readyz`, `${dashboardUrl}/readyz`],
      () => output,
      () => child.exitCode ?? child.signalCode,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { shopUrl, verifierUrl, dashboardUrl, stop };
}

async function waitUntilServing(
  shopUrl: string,
  readyUrls: string[],
  output: () => string,
  exitCode: () => number | NodeJS.Signals | null,
): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`the demo exited (${exitCode()}) before serving:\n${output()}`);
    const up = await Promise.all([shopUrl, ...readyUrls].map((url) => fetch(url))).then(
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
