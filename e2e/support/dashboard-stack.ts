import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoBrands } from '@otp-verify/demo-shop';
import { ScenarioDriver } from './dashboard-scenario.js';
import { DEMO_DASHBOARD_PASSWORD, startDemoProcess } from './demo-process.js';
import { freePort } from './free-port.js';
import { E2E_LIMITS } from './global-setup.js';

const DASHBOARD_CLI = fileURLToPath(new URL('../../apps/dashboard/dist/cli.js', import.meta.url));

export interface Credentials {
  username: string;
  password: string;
}

/** The main job's platform operator (apps/demo-shop creates it; demo-process.ts fixes its password). */
export const OPERATOR: Credentials = { username: 'operator', password: DEMO_DASHBOARD_PASSWORD };
/** A brand analyst of Nova Telecom, added with the dashboard's CLI while the main job runs. */
export const NOVA_ANALYST: Credentials = { username: 'nova.analyst', password: 'dashboard e2e analyst 42' };

export interface DashboardStack {
  dashboardUrl: string;
  verifierUrl: string;
  /** The demo shop's origin: the one origin the stack's brands accept sessions from. */
  shopOrigin: string;
  /** Creates sessions through the stack's verifier. */
  scenario: ScenarioDriver;
  stop(): Promise<void>;
}

/**
 * The main job (verifier, demo shop and dashboard, as `npm start` runs it) with a data directory of its own, so the
 * figures on its dashboard are exactly the sessions the test created, whatever the other tests do at the same time.
 */
export async function startDashboardStack(): Promise<DashboardStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'otp-verify-dashboard-e2e-'));
  const shopPort = await freePort();
  const shopOrigin = `http://127.0.0.1:${shopPort}`;
  const brandsDir = join(workDir, 'brands');
  const dataDir = join(workDir, 'data');
  writeDemoBrands(brandsDir, { allowedOrigins: [shopOrigin], customerAuthIssuer: shopOrigin, limits: E2E_LIMITS });
  const demo = await startDemoProcess({ shopPort, dataDir, brandsDir });
  try {
    addDashboardUser(NOVA_ANALYST, ['--role', 'analyst', '--brand', 'nova'], { dataDir, brandsDir });
  } catch (error) {
    await demo.stop();
    throw error;
  }
  return {
    dashboardUrl: demo.dashboardUrl,
    verifierUrl: demo.verifierUrl,
    shopOrigin,
    scenario: new ScenarioDriver(demo.verifierUrl, shopOrigin),
    stop: async () => {
      await demo.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** `otp-verify-dashboard users add`, as an operator would run it next to the running dashboard. */
function addDashboardUser(user: Credentials, options: string[], where: { dataDir: string; brandsDir: string }) {
  execFileSync(process.execPath, [DASHBOARD_CLI, 'users', 'add', user.username, ...options], {
    env: {
      ...process.env,
      OTP_VERIFY_DATA_DIR: where.dataDir,
      OTP_VERIFY_BRANDS: where.brandsDir,
      DASHBOARD_PASSWORD: user.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
