import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from '@playwright/test';
import type { DemoStack } from '../support/fixtures.js';
import { expect, requiredEnv, test } from '../support/fixtures.js';
import { serveStatic } from '../support/static-server.js';
import { buildViteExample } from '../support/vite-build.js';

// The embedding examples of packages/element/examples, built and served as their READMEs say, each pointed at
// this run's verifier and driven like a customer would.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const examplesDir = join(repoRoot, 'packages/element/examples');
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

const VITE_EXAMPLES = ['react', 'vue'];

/** The plain HTML page reads the verifier from its query; the Vite apps have it built in. */
function pageUrl(example: string): string {
  const url = new URL(`/${example}/`, requiredEnv('E2E_EXAMPLES_URL'));
  if (example === 'html') url.searchParams.set('verifier', requiredEnv('E2E_VERIFIER_URL'));
  return url.href;
}

let buildDir: string;
let server: Server;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  buildDir = mkdtempSync(join(tmpdir(), 'otp-verify-examples-'));
  const verifierUrl = requiredEnv('E2E_VERIFIER_URL');
  await Promise.all(
    VITE_EXAMPLES.map((name) =>
      buildViteExample(join(examplesDir, name), { base: `/${name}/`, outDir: join(buildDir, name), verifierUrl }),
    ),
  );
  server = await serveStatic(Number(new URL(requiredEnv('E2E_EXAMPLES_URL')).port), {
    '/html/': join(examplesDir, 'html'),
    '/iframe/': join(examplesDir, 'iframe'),
    '/pages/': join(repoRoot, 'e2e/pages'),
    '/react/': join(buildDir, 'react'),
    '/vue/': join(buildDir, 'vue'),
    // What the plain HTML page loads from its own site: the element's script and the brand's theme.
    '/assets/': join(repoRoot, 'packages/element/dist'),
    '/themes/': join(repoRoot, 'themes'),
  });
});

test.afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  rmSync(buildDir, { recursive: true, force: true });
});

/** A German mobile number (Germany is acme's default country), the code from the dev inbox, typed in full. */
async function verifyPhone(page: Page | FrameLocator, stack: DemoStack): Promise<void> {
  const phone = stack.uniquePhone('DE');
  await page.getByRole('textbox', { name: 'Mobile number' }).fill(phone.national);
  await page.getByRole('button', { name: 'Send code' }).click();
  const code = await stack.codeSentTo(phone.e164);
  // A complete code submits itself.
  await page.locator('otp-verify input[autocomplete="one-time-code"]').pressSequentially(code);
}

for (const example of ['html', ...VITE_EXAMPLES]) {
  test(`${example} example: verified, it shows the token and its form posts it as otpToken`, async ({
    page,
    stack,
  }, testInfo) => {
    await page.goto(pageUrl(example));
    await expect(page.getByText('Verify your phone number to place the order.')).toBeVisible();

    await verifyPhone(page, stack);

    const shown = page.getByText(/^Phone verified\. Order token: /);
    await expect(shown).toBeVisible();
    const token = await page.locator('otp-verify').evaluate((element) => (element as { token?: string }).token);
    expect(token).toMatch(JWT);
    await expect(shown).toHaveText(`Phone verified. Order token: ${token}`);
    await page.screenshot({ path: testInfo.outputPath(`${example}-verified.png`), fullPage: true });

    await page.route('**/orders', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<p>Order received</p>' }),
    );
    const [order] = await Promise.all([
      page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/orders')),
      page.getByRole('button', { name: 'Place order' }).click(),
    ]);
    expect(new URLSearchParams(order.postData() ?? '').get('otpToken')).toBe(token);
  });
}

test('iframe example: the checkout framed by another origin verifies, with WebOTP allowed to the frame', async ({
  page,
  stack,
}) => {
  // localhost and 127.0.0.1 are two origins: the parent page and the framed checkout.
  const parent = new URL('/iframe/', requiredEnv('E2E_EXAMPLES_URL'));
  parent.hostname = 'localhost';
  parent.searchParams.set('checkout', pageUrl('html'));
  await page.goto(parent.href);
  await expect(page.locator('iframe')).toHaveAttribute('allow', /\botp-credentials\b/);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByText('Verify your phone number to place the order.')).toBeVisible();
  const frameOrigin = await frame.locator('body').evaluate(() => location.origin);
  expect(frameOrigin).not.toBe(new URL(page.url()).origin);
  // The parent granted WebOTP to the framed checkout.
  const allowed = await frame
    .locator('body')
    .evaluate(() =>
      (
        document as Document & { featurePolicy?: { allowsFeature(feature: string): boolean } }
      ).featurePolicy?.allowsFeature('otp-credentials'),
    );
  expect(allowed).toBe(true);

  await verifyPhone(frame, stack);
  await expect(frame.getByText(/^Phone verified\. Order token: /)).toBeVisible();
});

test('a page that loads the script twice (classic and module) under Trusted Types with allow-duplicates works', async ({
  page,
  stack,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective}`)),
  );
  const url = new URL('/pages/double-load.html', requiredEnv('E2E_EXAMPLES_URL'));
  url.searchParams.set('verifier', requiredEnv('E2E_VERIFIER_URL'));
  await page.goto(url.href);
  expect(await page.evaluate(() => document.querySelectorAll('script[src*="otp-verify"]').length)).toBe(2);
  await verifyPhone(page, stack);
  await expect(page.locator('otp-verify').getByText('Phone verified')).toBeVisible();
  expect(problems).toEqual([]);
});
