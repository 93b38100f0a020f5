import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from '@playwright/test';
import type { DemoStack } from '../support/fixtures.js';
import { expect, test } from '../support/fixtures.js';
import { serveStatic } from '../support/static-server.js';
import { buildViteExample } from '../support/vite-build.js';

// The embedding examples of packages/element/examples, built and served as their READMEs say, each pointed at
// this run's verifier and driven like a customer would.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const examplesDir = join(repoRoot, 'packages/element/examples');
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`pnpm e2e\` so global-setup sets it`);
  return value;
}

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
  expect(new URL(page.url()).origin).not.toBe(new URL(pageUrl('html')).origin);

  await verifyPhone(frame, stack);
  await expect(frame.getByText(/^Phone verified\. Order token: /)).toBeVisible();
});
