import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDashboard } from '@otp-verify/dashboard';
import { ConfigError, settingsFromEnv, startVerifier } from '@otp-verify/verifier';
import { pino } from 'pino';
import { DemoCustomerAuth } from './customer-auth.js';
import { demoSignIns } from './demo-operators.js';
import { startDemoSimSwapService } from './demo-sim-swaps.js';
import { createShopApp } from './shop-app.js';
import { loadShopBrands } from './shop-config.js';

const configDir = fileURLToPath(new URL('../config/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The main job: the verifier in dev mode on SQLite and the demo shop, with no configuration needed. */
async function main(): Promise<void> {
  const settings = settingsFromEnv(process.env, {
    OTP_VERIFY_MODE: 'dev',
    OTP_VERIFY_BRANDS: `${configDir}brands`,
    OTP_VERIFY_DATA_DIR: `${repoRoot}.data/demo`,
  });
  const shopHost = process.env.SHOP_HOST ?? '127.0.0.1';
  const shopPort = Number(process.env.SHOP_PORT ?? 3000);
  const logger = pino({ name: 'otp-verify', level: process.env.LOG_LEVEL ?? 'warn' });
  // The stand-in of an operator's CAMARA SIM Swap API, with a few swapped numbers (demo-sim-swaps.ts).
  const simSwaps = await startDemoSimSwapService(Number(process.env.SIM_SWAP_PORT ?? 0));
  const verifier = await startVerifier({
    ...settings,
    logger,
    simSwapService: simSwaps.simSwapService,
    env: simSwaps.env,
  });
  const shop = createShopApp({
    brands: loadShopBrands(
      process.env.DEMO_SHOP_FILE ?? `${configDir}shop.json`,
      process.env.DEMO_SECRET_KEYS_FILE ?? `${configDir}demo-secret-keys.json`,
    ),
    verifierUrl: settings.publicUrl,
    themesDir: process.env.DEMO_THEMES_DIR ?? `${repoRoot}themes`,
    // The verifier reaches this issuer's JWKS on the shop's own address; config/brands/*.json name it as customerAuth.issuer.
    customerAuth: await DemoCustomerAuth.create(`http://127.0.0.1:${shopPort}`),
  });
  const dashboardDataDir = join(settings.dataDir, 'dashboard');
  const dashboard = await startDashboard({
    host: shopHost,
    port: Number(process.env.DASHBOARD_PORT ?? 3100),
    verifierDataDir: settings.dataDir,
    brands: settings.brands,
    dataDir: dashboardDataDir,
    logger,
  });
  const signIns = await demoSignIns(dashboard.operators, dashboardDataDir, process.env.DEMO_DASHBOARD_PASSWORD);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = shop.listen(shopPort, shopHost, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const shopUrl = `http://${shopHost === '127.0.0.1' ? 'localhost' : shopHost}:${shopPort}`;
  console.log(`
otp-verify demo is running (dev mode, SQLite in ${settings.dataDir})

  Open the shop:  ${shopUrl}
  Verifier:       ${verifier.url}
  Dev SMS inbox:  ${verifier.url}/dev/inbox   (the codes arrive here, not on a phone)
  Dashboard:      ${dashboard.url.replace('127.0.0.1', 'localhost')}
${signIns.map((user) => `    sign in as ${user.username} / ${user.password}   (${user.brand === null ? 'every brand' : `brand ${user.brand} only`})`).join('\n')}

Press Ctrl+C to stop.`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void Promise.all([dashboard.stop(), verifier.stop(), simSwaps.stop()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      `demo: ${(error as Error).message}. Another program uses that port: stop it, or set SHOP_PORT / OTP_VERIFY_PORT / DASHBOARD_PORT / SIM_SWAP_PORT.`,
    );
  } else if (error instanceof ConfigError) {
    console.error(`demo: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
