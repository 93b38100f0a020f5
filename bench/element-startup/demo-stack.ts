import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoBrands } from '@otp-verify/demo-shop';
import { ChildServer, freePort } from '../flow/child-server.js';
import { temporaryDirectory } from '../flow/servers.js';

const HOST = '127.0.0.1';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const demoMain = join(repoRoot, 'apps/demo-shop/dist/main.js');
const elementScript = join(repoRoot, 'packages/element/dist/otp-verify.iife.js');
const elementSources = join(repoRoot, 'packages/element/src');

export interface DemoStack {
  /** The demo (verifier and shop in one process, as `pnpm start` runs it). */
  server: ChildServer;
  shopUrl: string;
  verifierUrl: string;
  dataDirectory: string;
}

/**
 * Starts the demo as e2e/support/global-setup.ts does: apps/demo-shop/dist/main.js on free ports, a fresh data
 * directory, and the demo brands allowed on this shop's origin only (the shop also plays their customer-auth).
 */
export async function startDemoStack(): Promise<DemoStack> {
  for (const file of [demoMain, elementScript]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm run build\` first`);
  }
  const [shopPort, verifierPort] = [await freePort(HOST), await freePort(HOST)];
  const shopUrl = `http://${HOST}:${shopPort}`;
  const verifierUrl = `http://${HOST}:${verifierPort}`;
  const directory = temporaryDirectory();
  const brandsDir = join(directory, 'brands');
  writeDemoBrands(brandsDir, { allowedOrigins: [shopUrl], customerAuthIssuer: shopUrl });
  const server = await ChildServer.start({
    name: 'demo (verifier + shop)',
    args: [demoMain],
    env: {
      ...process.env,
      SHOP_HOST: HOST,
      SHOP_PORT: String(shopPort),
      OTP_VERIFY_PORT: String(verifierPort),
      OTP_VERIFY_PUBLIC_URL: verifierUrl,
      OTP_VERIFY_DATA_DIR: join(directory, 'data'),
      OTP_VERIFY_BRANDS: brandsDir,
    },
    // The demo starts the verifier before the shop listens: a shop that answers has a verifier.
    url: shopUrl,
    healthPath: '/',
  });
  const ready = await fetch(`${verifierUrl}/readyz`);
  if (!ready.ok) throw new Error(`the demo's verifier answered ${ready.status} to GET /readyz`);
  return { server, shopUrl, verifierUrl, dataDirectory: directory };
}

/** Element sources newer than the script the shop serves: the figures would be for an older build. */
export function staleElementSources(): string[] {
  const built = statSync(elementScript).mtimeMs;
  return readdirSync(elementSources, { recursive: true, encoding: 'utf8' })
    .map((file) => join(elementSources, file))
    .filter((file) => file.endsWith('.ts') && statSync(file).mtimeMs > built);
}
