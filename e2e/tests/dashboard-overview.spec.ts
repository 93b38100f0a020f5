import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  funnelStep,
  kpi,
  recordCspViolations,
  screenshotPath,
  scrollsSideways,
  signIn,
  tableRows,
} from '../support/dashboard-page.js';
import type { DashboardStack } from '../support/dashboard-stack.js';
import { NOVA_ANALYST, OPERATOR, startDashboardStack } from '../support/dashboard-stack.js';

/**
 * The scenario, through the real verifier: Acme has three sessions (DE: an order after one wrong code, DE:
 * verified without an order, AT: a code sent and never typed), Nova one order. So Acme converts 1 in 3, the
 * market (every brand) 2 in 4.
 */
let stack: DashboardStack;

test.beforeAll(async () => {
  stack = await startDashboardStack();
  await stack.scenario.journey({ brand: 'acme', phone: '+4915112900001', wrongCodes: 1 });
  await stack.scenario.journey({ brand: 'acme', phone: '+4915112900002', order: false });
  await stack.scenario.journey({ brand: 'acme', phone: '+43664123401', verify: false });
  await stack.scenario.journey({ brand: 'nova', phone: '+447400900001' });
});

test.afterAll(async () => {
  await stack?.stop();
});

test.describe('signing in', () => {
  test('with the keyboard only, helped by the password manager attributes', async ({ page }) => {
    await page.goto(stack.dashboardUrl);
    await expect(page.getByLabel('Username')).toHaveAttribute('autocomplete', 'username');
    await expect(page.getByLabel('Password')).toHaveAttribute('autocomplete', 'current-password');

    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Username')).toBeFocused();
    await page.keyboard.type(OPERATOR.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(OPERATOR.password);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).press('Enter');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  // OWASP ASVS V2.2.1 / V3.2: the same answer for an unknown user and a wrong password; no session without one.
  test('a wrong password is refused and announced, the same as an unknown user', async ({ page }) => {
    await page.goto(stack.dashboardUrl);
    for (const username of [OPERATOR.username, 'nobody@example.test']) {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
      await expect(page.locator('form')).toHaveAttribute('aria-describedby', 'sign-in-error');
      await expect(page.getByLabel('Password')).toBeFocused();
    }
    expect((await page.request.get(`${stack.dashboardUrl}/api/me`)).status()).toBe(401);
  });
});

test.describe('the overview', () => {
  test('shows the figures of the scenario, beside the market', async ({ page }) => {
    const cspViolations = recordCspViolations(page);
    await signIn(page, stack.dashboardUrl, OPERATOR, '?brand=acme');

    await expect(kpi(page, 'Orders verified').value).toHaveText('1');
    await expect(kpi(page, 'Orders verified').market).toHaveText('market: 2');
    await expect(kpi(page, 'Conversion').value).toHaveText('33.3%');
    await expect(kpi(page, 'Conversion').market).toHaveText('market: 50%');
    await expect(kpi(page, 'Wrong codes').value).toHaveText('1');
    await expect(kpi(page, 'Mean attempts').value).toHaveText('1.5');
    await expect(funnelStep(page, 'Session created')).toHaveText('3');
    await expect(funnelStep(page, 'Code sent')).toHaveText('3');
    await expect(funnelStep(page, 'Verified')).toHaveText('2');
    await expect(funnelStep(page, 'Order accepted')).toHaveText('1');
    expect((await tableRows(page, 'countries')).sort()).toEqual([
      ['Austria (AT)', '1', '0', '0', '0%', '0', '1'],
      ['Germany (DE)', '2', '2', '1', '50%', '1', '2'],
    ]);
    await expect(page.locator('series-chart canvas')).toBeVisible();
    // The funnel's bars are as long as their counts: Order accepted (1) is a third of Session created (3).
    const barWidth = (step: string) =>
      page
        .locator('.funnel-step')
        .filter({ hasText: step })
        .locator('.funnel-bar')
        .evaluate((bar) => bar.getBoundingClientRect().width);
    expect((await barWidth('Order accepted')) / (await barWidth('Session created'))).toBeCloseTo(1 / 3, 2);
    // OWASP ASVS V14.4.3: the page works under the server's strict CSP (no inline style or script).
    expect(cspViolations).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-acme'), fullPage: true });
  });

  test('filters change the figures and the URL, and the back button undoes them', async ({ page }) => {
    await signIn(page, stack.dashboardUrl, OPERATOR);
    await expect(kpi(page, 'Orders verified').value).toHaveText('2');
    await expect(kpi(page, 'Orders verified').market).toHaveCount(0);

    await page.getByLabel('Brand', { exact: true }).selectOption({ label: 'Acme Mobile' });
    await expect(page).toHaveURL(/\?brand=acme$/);
    await expect(kpi(page, 'Orders verified').value).toHaveText('1');

    await page.getByLabel('Country', { exact: true }).selectOption('AT');
    await expect(page).toHaveURL(/\?brand=acme&country=AT$/);
    await expect(funnelStep(page, 'Session created')).toHaveText('1');
    await expect(kpi(page, 'Orders verified').value).toHaveText('0');

    await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Custom dates' });
    await page.getByLabel('From (UTC)', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To (UTC)', { exact: true }).fill('2020-01-31');
    await expect(page).toHaveURL(/period=custom&from=2020-01-01&to=2020-01-31/);
    await expect(funnelStep(page, 'Session created')).toHaveText('0');

    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(/\?brand=acme&country=AT$/);
    await expect(funnelStep(page, 'Session created')).toHaveText('1');
    await page.goBack();
    await expect(page).toHaveURL(/\?brand=acme$/);
    await expect(funnelStep(page, 'Session created')).toHaveText('3');

    // A shared link opens the same view.
    await page.goto(`${stack.dashboardUrl}/?brand=acme&country=DE&period=24h`);
    await expect(page.getByLabel('Country', { exact: true })).toHaveValue('DE');
    await expect(funnelStep(page, 'Session created')).toHaveText('2');
  });

  test('"Download CSV" gives the table with the filters on screen', async ({ page }) => {
    await signIn(page, stack.dashboardUrl, OPERATOR, '?brand=acme');
    await expect(funnelStep(page, 'Session created')).toHaveText('3');
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV (Countries)' }).click();
    const download = await downloading;

    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('country,created,verified,order_accepted,conversion,wrong_codes,sms_segments');
    expect(lines.slice(1).sort()).toEqual([
      expect.stringMatching(/^AT,1,0,0,0,0,1$/),
      expect.stringMatching(/^DE,2,2,1,0\.5,1,2$/),
    ]);
  });

  // OWASP ASVS V4.2.1: an analyst reads their own brand only, whatever the link or request says.
  test('an analyst sees only their brand', async ({ page }) => {
    await signIn(page, stack.dashboardUrl, NOVA_ANALYST, '?brand=acme');
    await expect(page.getByLabel('Brand', { exact: true })).toHaveCount(0);
    await expect(page.locator('.fixed-brand')).toHaveText(/Brand\s+Nova Telecom/);
    await expect(funnelStep(page, 'Session created')).toHaveText('1');
    await expect(kpi(page, 'Orders verified').value).toHaveText('1');
    expect(await tableRows(page, 'countries')).toEqual([['United Kingdom (GB)', '1', '1', '1', '100%', '0', '1']]);

    const acme = await page.request.get(`${stack.dashboardUrl}/api/overview?brand=acme`);
    expect(acme.status()).toBe(403);
    expect((await acme.json()).code).toBe('forbidden_brand');
  });

  test('on a phone screen: no sideways scroll, tables scroll in their box', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, stack.dashboardUrl, OPERATOR, '?brand=acme');
    await expect(funnelStep(page, 'Session created')).toHaveText('3');
    await expect(page.locator('series-chart canvas')).toBeVisible();

    expect(await scrollsSideways(page)).toBe(false);
    const delivery = page.locator('.table-scroll').filter({ has: page.locator('table#countries') });
    const box = await delivery.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(360);
    const chartWidth = await page.locator('series-chart canvas').evaluate((canvas) => canvas.clientWidth);
    expect(chartWidth).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath('overview-phone'), fullPage: true });
  });
});
