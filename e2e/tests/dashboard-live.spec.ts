import { expect, test } from '@playwright/test';
import { screenshotPath, signIn } from '../support/dashboard-page.js';
import type { DashboardStack } from '../support/dashboard-stack.js';
import { OPERATOR, startDashboardStack } from '../support/dashboard-stack.js';

let stack: DashboardStack;

test.beforeAll(async () => {
  stack = await startDashboardStack();
});

test.afterAll(async () => {
  await stack?.stop();
});

test('the live view shows a new session within seconds, newest first', async ({ page }) => {
  await signIn(page, stack.dashboardUrl, OPERATOR, '?view=live');
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
  await expect(page.locator('.connection')).toHaveText('Live');

  const sessionId = await stack.scenario.journey({ brand: 'kiwi', phone: '+64210900001' });

  const items = page.locator('.activity-item');
  await expect(items.filter({ hasText: `session ${sessionId.slice(0, 8)}` }).first()).toBeVisible({ timeout: 5_000 });
  await expect(items.filter({ hasText: 'Session created' })).toContainText('kiwi');
  await expect(items.filter({ hasText: 'Session created' })).toContainText('New Zealand (NZ)');
  // The order came last, so it is on top.
  await expect(items.first()).toContainText(/Token redeemed|Session ended/);
  await page.screenshot({ path: screenshotPath('live'), fullPage: true });
});

test('the live view follows the brand filter', async ({ page }) => {
  await signIn(page, stack.dashboardUrl, OPERATOR, '?view=live&brand=acme');
  await expect(page.locator('.connection')).toHaveText('Live');

  await stack.scenario.journey({ brand: 'kiwi', phone: '+64210900002' });
  await stack.scenario.journey({ brand: 'acme', phone: '+4915112900011' });

  await expect(page.locator('.activity-item').filter({ hasText: 'Session created' })).toHaveCount(1);
  await expect(page.locator('.activity-item').filter({ hasText: 'kiwi' })).toHaveCount(0);
});
