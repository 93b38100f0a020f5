import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningVerifier } from '@otp-verify/verifier';
import { settingsFromEnv, startVerifier } from '@otp-verify/verifier';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoCustomerAuth } from '../src/customer-auth.js';
import { writeDemoBrands } from '../src/demo-brands.js';
import { createShopApp } from '../src/shop-app.js';
import { loadShopBrands } from '../src/shop-config.js';
import { DEMO_ACCOUNT_PASSWORD } from '../src/step-up.js';

const configDir = fileURLToPath(new URL('../config/', import.meta.url));
const PAGE_ORIGIN = 'http://shop.test';

let root: string;
let verifier: RunningVerifier;
let shop: Server;
let shopUrl: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'demo-step-up-'));
  const brandsDir = join(root, 'brands');
  writeDemoBrands(brandsDir, { allowedOrigins: [PAGE_ORIGIN], customerAuthIssuer: PAGE_ORIGIN });
  const settings = settingsFromEnv(
    {},
    { OTP_VERIFY_MODE: 'dev', OTP_VERIFY_BRANDS: brandsDir, OTP_VERIFY_DATA_DIR: join(root, 'data') },
  );
  verifier = await startVerifier({ ...settings, port: 0, logger: pino({ level: 'silent' }) });
  const app = createShopApp({
    brands: loadShopBrands(join(configDir, 'shop.json'), join(configDir, 'demo-secret-keys.json')),
    verifierUrl: verifier.url,
    themesDir: join(root, 'themes'),
    customerAuth: await DemoCustomerAuth.create(PAGE_ORIGIN),
  });
  shop = await new Promise<Server>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});

afterAll(async () => {
  shop.close();
  await verifier.stop();
  await rm(root, { recursive: true, force: true });
});

/** A cart of `brand` in the shop (its checkout page sets the cart cookie). */
async function openCart(brand: string): Promise<string> {
  const page = await fetch(`${shopUrl}/checkout/${brand}`);
  return /cart_\w+=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] as string;
}

/** An acme cart, and a session the element created for it on the verifier. */
async function checkoutWithSession(phone: string) {
  const cartId = await openCart('acme');
  const created = await fetch(`${verifier.url}/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PAGE_ORIGIN },
    body: JSON.stringify({ brand: 'acme', order: { id: cartId, amount: 1000, currency: 'EUR' }, locale: 'en', phone }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { cartId, sessionId: id };
}

const stepUp = (body: object) =>
  fetch(`${shopUrl}/step-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe("the demo shop's step-up: it re-verifies its customer, then vouches for the session to the verifier", () => {
  it('refuses a wrong account password', async () => {
    const { cartId, sessionId } = await checkoutWithSession('+491701112233');
    expect((await stepUp({ cartId, sessionId, password: 'guess' })).status).toBe(401);
  });

  it('vouches for the session with the right password: the verifier records the step-up', async () => {
    const { cartId, sessionId } = await checkoutWithSession('+491701112244');
    expect((await stepUp({ cartId, sessionId, password: DEMO_ACCOUNT_PASSWORD })).status).toBe(204);
  });

  it("cannot vouch for another brand's session: the verifier refuses the brand's secret key for it", async () => {
    const { sessionId } = await checkoutWithSession('+491701112255');
    const novaCart = await openCart('nova');
    expect((await stepUp({ cartId: novaCart, sessionId, password: DEMO_ACCOUNT_PASSWORD })).status).toBe(502);
  });

  it('answers 404 for a cart it does not have and 400 for a request without a password', async () => {
    const { cartId, sessionId } = await checkoutWithSession('+491701112277');
    expect((await stepUp({ cartId: 'cart-none', sessionId, password: DEMO_ACCOUNT_PASSWORD })).status).toBe(404);
    expect((await stepUp({ cartId, sessionId })).status).toBe(400);
  });
});
