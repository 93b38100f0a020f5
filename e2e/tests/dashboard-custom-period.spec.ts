import { expect, test } from '@playwright/test';
import { signIn } from '../support/dashboard-page.js';
import type { DashboardStack } from '../support/dashboard-stack.js';
import { OPERATOR, startDashboardStack } from '../support/dashboard-stack.js';

let stack: DashboardStack;

test.beforeAll(async () => {
  stack = await startDashboardStack();
});

test.afterAll(async () => {
  await stack?.stop();
});

// A browser eight hours behind UTC: its local days are not the figures' days.
test.use({ timezoneId: 'America/Los_Angeles' });

test('a custom period covers whole UTC days, the days the figures are bucketed by, and says so', async ({ page }) => {
  const overview = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/overview');
  await signIn(page, stack.dashboardUrl, OPERATOR, '?period=custom&from=2030-01-15&to=2030-01-16');
  const query = new URL((await overview).url()).searchParams;
  expect(Number(query.get('from'))).toBe(Date.UTC(2030, 0, 15));
  expect(Number(query.get('to'))).toBe(Date.UTC(2030, 0, 17));
  await expect(page.getByLabel('From (UTC)', { exact: true })).toHaveValue('2030-01-15');
  await expect(page.getByLabel('To (UTC)', { exact: true })).toHaveValue('2030-01-16');
});
