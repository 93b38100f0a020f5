import { expect, test } from '@playwright/test';
import { wcagViolations } from '../support/accessibility.js';
import { screenshotPath, signIn } from '../support/dashboard-page.js';
import type { DashboardStack } from '../support/dashboard-stack.js';
import { OPERATOR, startDashboardStack } from '../support/dashboard-stack.js';

let stack: DashboardStack;

test.beforeAll(async () => {
  stack = await startDashboardStack();
  await stack.scenario.journey({ brand: 'acme', phone: '+4915112900021', wrongCodes: 2 });
  await stack.scenario.journey({ brand: 'acme', phone: '+4915112900022', verify: false });
  await stack.scenario.journey({ brand: 'nova', phone: '+447400900021' });
});

test.afterAll(async () => {
  await stack?.stop();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('sign-in, overview, live and alerts have no WCAG 2.2 AA violation', async ({ page }) => {
      const screenshot = (name: string) =>
        page.screenshot({ path: screenshotPath(`${colorScheme}-${name}`), fullPage: true });

      await page.goto(stack.dashboardUrl);
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await screenshot('sign-in');

      await signIn(page, stack.dashboardUrl, OPERATOR, '?brand=acme');
      await expect(page.locator('.funnel-step').first()).toBeVisible();
      await expect(page.locator('series-chart canvas')).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await screenshot('overview');

      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Live' }).click();
      await expect(page.locator('.connection')).toHaveText('Live');
      await stack.scenario.journey({ brand: 'acme', phone: `+49151129001${colorScheme === 'light' ? 1 : 2}0` });
      await expect(page.locator('.activity-item').first()).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await screenshot('live');

      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Alerts' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Rules in force' })).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await screenshot('alerts');
    });
  });
}

test('keyboard: the views are reached with Tab and Enter, focus is visible and lands on the heading', async ({
  page,
}) => {
  await signIn(page, stack.dashboardUrl, OPERATOR);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const live = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Live' });
  await expect(live).toBeFocused();
  const outline = await live.evaluate((link) => getComputedStyle(link).outlineStyle);
  expect(outline).not.toBe('none');

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeFocused();
  await expect(page).toHaveURL(/\?view=live$/);
  await expect(live).toHaveAttribute('aria-current', 'page');
});

test('reduced motion: nothing moves', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, stack.dashboardUrl, OPERATOR, '?view=live');
  await expect(page.locator('.connection')).toHaveText('Live');
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});
