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
import { DEMO_ACCOUNT_PASSWORD, WRONG_PASSWORDS_PER_CART } from '../src/step-up.js';

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

/** A cart of `brand` in the shop: its checkout page sets the httpOnly cart cookie; returns that cookie. */
async function openCart(brand: string): Promise<string> {
  const page = await fetch(`${shopUrl}/checkout/${brand}`);
  const cookie = /cart_\w+=[^;]+/.exec(page.headers.get('set-cookie') ?? '')?.[0];
  expect(cookie).toBeDefined();
  return cookie as string;
}

const cartIdIn = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

const postToShop = (path: string, cookie: string | undefined, body: object) =>
  fetch(`${shopUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie !== undefined && { cookie }) },
    body: JSON.stringify(body),
  });

const claim = (brand: string, cookie: string, sessionId: string) =>
  postToShop(`/checkout/${brand}/sessions`, cookie, { sessionId });

const stepUp = (cookie: string | undefined, body: object, brand = 'acme') =>
  postToShop(`/checkout/${brand}/step-up`, cookie, body);

/** A session the element created on the verifier, as an acme checkout page does. */
async function createSession(orderId: string, phone: string): Promise<string> {
  const created = await fetch(`${verifier.url}/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PAGE_ORIGIN },
    body: JSON.stringify({ brand: 'acme', order: { id: orderId, amount: 1000, currency: 'EUR' }, locale: 'en', phone }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** An acme cart, and a session the element created for it, which its page reported to the shop. */
async function checkoutWithSession(phone: string) {
  const cookie = await openCart('acme');
  const sessionId = await createSession(cartIdIn(cookie), phone);
  expect((await claim('acme', cookie, sessionId)).status).toBe(204);
  return { cookie, sessionId };
}

/** What the verifier recorded on the session: the step-up lets its sends skip the SIM-swap rule's challenge. */
const steppedUp = (sessionId: string) =>
  verifier.context.store.findSession(sessionId)?.challengesPassed.includes('step_up');

describe("the demo shop's step-up: it re-verifies its customer, then vouches for the session to the verifier", () => {
  it('vouches for a session its checkout created, with the right password: the verifier records the step-up', async () => {
    const { cookie, sessionId } = await checkoutWithSession('+491701112244');
    expect((await stepUp(cookie, { sessionId, password: DEMO_ACCOUNT_PASSWORD })).status).toBe(204);
    expect(steppedUp(sessionId)).toBe(true);
  });

  // OWASP ASVS 4.0.3 V4.2.1 (IDOR): the cart comes from the shop's httpOnly cookie, and must be the one whose
  // checkout created the session; a cart id in the body counts for nothing.
  it("another cart cannot step up a session of cart A, even naming A's cart: the verifier records nothing", async () => {
    const a = await checkoutWithSession('+491701112233');
    const cartB = await openCart('acme');
    const body = { cartId: cartIdIn(a.cookie), sessionId: a.sessionId, password: DEMO_ACCOUNT_PASSWORD };
    expect((await stepUp(cartB, body)).status).toBe(403);
    expect((await claim('acme', cartB, a.sessionId)).status).toBe(409);
    expect((await stepUp(cartB, body)).status).toBe(403);
    expect(steppedUp(a.sessionId)).toBe(false);
  });

  it('refuses a request without the cart cookie, whatever the body says: the verifier records nothing', async () => {
    const { cookie, sessionId } = await checkoutWithSession('+491701112266');
    const body = { cartId: cartIdIn(cookie), sessionId, password: DEMO_ACCOUNT_PASSWORD };
    expect((await stepUp(undefined, body)).status).toBe(403);
    expect((await claim('acme', 'cart_acme=cart-none', sessionId)).status).toBe(403);
    expect(steppedUp(sessionId)).toBe(false);
  });

  // NIST SP 800-63B §5.2.2: limit consecutive failed authentication attempts.
  it(`locks the cart's step-up after ${WRONG_PASSWORDS_PER_CART} wrong passwords, even for the right one next`, async () => {
    const { cookie, sessionId } = await checkoutWithSession('+491701112288');
    for (let left = WRONG_PASSWORDS_PER_CART - 1; left >= 0; left--) {
      const wrong = await stepUp(cookie, { sessionId, password: 'guess' });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ attemptsLeft: left });
    }
    const locked = await stepUp(cookie, { sessionId, password: DEMO_ACCOUNT_PASSWORD });
    expect(locked.status).toBe(423);
    expect(await locked.json()).toEqual({
      error: 'Too many wrong passwords: this cart can no longer confirm it’s you.',
    });
    expect(steppedUp(sessionId)).toBe(false);
  });

  it("cannot vouch for another brand's session: the verifier refuses the brand's secret key for it", async () => {
    const novaCart = await openCart('nova');
    const acmeSessionId = await createSession('acme-order', '+491701112255');
    expect((await claim('nova', novaCart, acmeSessionId)).status).toBe(204);
    const body = { sessionId: acmeSessionId, password: DEMO_ACCOUNT_PASSWORD };
    expect((await stepUp(novaCart, body, 'nova')).status).toBe(502);
    expect(steppedUp(acmeSessionId)).toBe(false);
  });

  it('answers 400 for a request without a password', async () => {
    const { cookie, sessionId } = await checkoutWithSession('+491701112277');
    expect((await stepUp(cookie, { sessionId })).status).toBe(400);
  });
});
