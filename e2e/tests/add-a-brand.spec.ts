import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoBrandsDirectory, writeDemoBrands } from '@otp-verify/demo-shop';
import type { ElementWords } from '../support/checkout-page.js';
import { CheckoutPage } from '../support/checkout-page.js';
import type { DemoProcess } from '../support/demo-process.js';
import { startDemoProcess } from '../support/demo-process.js';
import { demoStackAt, expect, test } from '../support/fixtures.js';
import { freePort } from '../support/free-port.js';
import { E2E_LIMITS } from '../support/global-setup.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(repoRoot, 'e2e/fixtures/new-brand');
const demoConfig = join(repoRoot, 'apps/demo-shop/config');
/** The shop entry's locale is de-DE: the element speaks German. */
const GERMAN: ElementWords = {
  phone: 'Mobilnummer',
  sendCode: 'Code senden',
  codeLabel: /^Geben Sie den \d+-stelligen Code ein/,
  verified: 'Telefonnummer bestätigt',
};

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/**
 * docs/add-a-brand.md, done by a test: the brand in e2e/fixtures/new-brand/ ("Zest Mobile") is added to a copy of
 * the demo's configuration the way the guide says (theme folder, theme check, brand file, shop entry), and a
 * customer checks out with it on a demo started from that configuration. Nothing else changes.
 */
test.describe('adding a brand from a folder (docs/add-a-brand.md)', () => {
  let work: string;
  let demo: DemoProcess | undefined;

  test.beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'otp-verify-new-brand-'));
    const shopPort = await freePort();
    const shopOrigin = `http://127.0.0.1:${shopPort}`;

    // 1. The theme folder, next to the other brands'.
    const themesDir = join(work, 'themes');
    cpSync(join(repoRoot, 'themes'), themesDir, { recursive: true });
    cpSync(join(fixture, 'theme'), join(themesDir, 'zest'), { recursive: true });

    // 2. The brand file in the brands directory (here a copy of the demo's, allowed on this run's shop).
    const brandsSource = join(work, 'brands-source');
    cpSync(demoBrandsDirectory, brandsSource, { recursive: true });
    cpSync(join(fixture, 'brand.json'), join(brandsSource, 'zest.json'));
    writeDemoBrands(
      join(work, 'brands'),
      { allowedOrigins: [shopOrigin], customerAuthIssuer: shopOrigin, limits: E2E_LIMITS },
      brandsSource,
    );

    // 3. The demo shop's entry and secret key.
    const shop = readJson(join(demoConfig, 'shop.json')) as { brands: unknown[] };
    shop.brands.push(readJson(join(fixture, 'shop.json')));
    writeFileSync(join(work, 'shop.json'), JSON.stringify(shop));
    const secretKeys = {
      ...readJson(join(demoConfig, 'demo-secret-keys.json')),
      ...readJson(join(fixture, 'demo-secret-key.json')),
    };
    writeFileSync(join(work, 'demo-secret-keys.json'), JSON.stringify(secretKeys), { mode: 0o600 });

    mkdirSync(join(work, 'data'));
    demo = await startDemoProcess({
      shopPort,
      dataDir: join(work, 'data'),
      brandsDir: join(work, 'brands'),
      env: {
        DEMO_SHOP_FILE: join(work, 'shop.json'),
        DEMO_SECRET_KEYS_FILE: join(work, 'demo-secret-keys.json'),
        DEMO_THEMES_DIR: themesDir,
      },
    });
  });

  test.afterAll(async () => {
    await demo?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test('the guide’s brand file is the fixture’s (but for the secret key’s hash)', () => {
    const guide = readFileSync(join(repoRoot, 'docs/add-a-brand.md'), 'utf8');
    const shown = JSON.parse(guide.match(/```json\n(\{[\s\S]*?\n\})\n```/)?.[1] ?? 'null') as Record<string, unknown>;
    const withoutKeys = (brand: Record<string, unknown>) => ({ ...brand, secretKeys: undefined });
    expect(withoutKeys(shown)).toEqual(withoutKeys(readJson(join(fixture, 'brand.json'))));
  });

  test('the theme check accepts the new theme folder with the others', () => {
    const output = execFileSync(
      process.execPath,
      [join(repoRoot, 'packages/theme-kit/dist/cli.js'), 'check', join(work, 'themes')],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain('zest');
  });

  test('the theme gallery shows the new brand at once, in every state', async ({ page }) => {
    if (!demo) throw new Error('the demo did not start');
    await page.goto(`${demo.shopUrl}/gallery`);
    await expect(page.getByRole('columnheader', { name: /^Zest Mobile light page/ })).toBeVisible();
    const cells = page.locator('[data-gallery-cell^="zest-light-"]');
    await expect(cells).toHaveCount(await page.locator('[data-gallery-cell^="no-theme-light-"]').count());
    await expect(page.locator('[data-gallery-cell="zest-light-phone"] [part~="button-primary"]')).toHaveCSS(
      'background-color',
      'rgb(194, 65, 12)',
    );
  });

  test('a customer verifies and orders in the new brand’s checkout, in its theme', async ({
    page,
    request,
  }, testInfo) => {
    if (!demo) throw new Error('the demo did not start');
    const stack = demoStackAt(demo.shopUrl, demo.verifierUrl, request, testInfo);
    const zest = new CheckoutPage(page, stack, 'zest', GERMAN);
    await zest.open();
    await expect(page.locator('link[rel="stylesheet"][href="/themes/zest/theme.css"]')).toHaveCount(1);
    await expect(page.getByRole('img', { name: 'Zest Mobile' }).first()).toBeVisible();
    const sendCode = page.getByRole('button', { name: GERMAN.sendCode });
    // The brand's orange, #c2410c, from its theme's --otp-color-brand.
    await expect(sendCode).toHaveCSS('background-color', 'rgb(194, 65, 12)');
    await page.screenshot({ path: testInfo.outputPath('zest-checkout.png'), fullPage: true });

    const phone = stack.uniquePhone('DE');
    await zest.verify(phone);
    const sms = await request.get(`${demo.verifierUrl}/dev/inbox/messages`, { params: { to: phone.e164 } });
    const [message] = (await sms.json()) as { body: string }[];
    expect(message?.body).toContain('Zest Mobile');
    await zest.placeOrder();
    await expect(zest.outcome).toContainText('Order accepted');
  });
});
