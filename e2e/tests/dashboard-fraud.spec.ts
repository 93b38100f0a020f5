import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { wcagViolations } from '../support/accessibility.js';
import { kpi, screenshotPath, signIn, tableRows } from '../support/dashboard-page.js';
import type { DashboardStack } from '../support/dashboard-stack.js';
import { NOVA_ANALYST, OPERATOR, startDashboardStack } from '../support/dashboard-stack.js';
import { FraudAttacks } from '../support/fraud-attacks.js';

/**
 * Attacks through the real verifier and its risk engine (issue 8), then the fraud view of the main job's dashboard.
 * Acme: a German premium-rate number typed at the checkout (refused: number_type), and an SMS pumping run of 10
 * numbers in one range (velocity_prefix lets 6 an hour through, blocks 4). Nova: a run of 8 in a UK range (2
 * blocked). config/prices.json prices a German segment at 0.075 EUR, a British one at 0.04.
 */
let stack: DashboardStack;

test.beforeAll(async () => {
  stack = await startDashboardStack();
  const attacks = new FraudAttacks(stack.verifierUrl, stack.shopOrigin);
  expect(await attacks.enterNumber('acme', '+499001234567')).toBe(422);
  expect(await attacks.pump('acme', '+491511290', 10)).toEqual([...Array(6).fill(202), ...Array(4).fill(403)]);
  expect(await attacks.pump('nova', '+44740090', 8)).toEqual([...Array(6).fill(202), ...Array(2).fill(403)]);
});

test.afterAll(async () => {
  await stack?.stop();
});

test("an operator reads Acme's blocks: figures, reasons, top lists, money saved, CSV; no WCAG 2.2 AA violation", async ({
  page,
}) => {
  await signIn(page, stack.dashboardUrl, OPERATOR, '?brand=acme');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Fraud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fraud' })).toBeFocused();
  await expect(page).toHaveURL(/view=fraud/);

  await expect(kpi(page, 'Sends blocked').value).toHaveText('5');
  // 5 blocked segments to Germany at 0.075 EUR.
  await expect(kpi(page, 'Money saved').value).toContainText('0.38');
  await expect(page.locator('series-chart canvas')).toBeVisible();

  const reasons = await tableRows(page, 'fraud-reasons');
  expect(reasons.slice(0, 2).map((row) => row.slice(0, 2))).toEqual([
    ['Velocity prefix velocity_prefix', '4'],
    ['Number type number_type', '1'],
  ]);
  // Rules the demo runs in dry-run show their hits, never a block.
  for (const row of reasons.slice(2)) expect(row[1]).toBe('0');
  expect((await tableRows(page, 'fraud-prefixes')).map((row) => row.slice(0, 2))).toEqual([
    ['+491511290', '4'],
    ['+49900123', '1'],
  ]);
  expect((await tableRows(page, 'fraud-countries')).map((row) => row.slice(0, 2))).toEqual([['Germany (DE)', '5']]);
  expect((await tableRows(page, 'fraud-networks')).map((row) => row.slice(0, 2))).toEqual([['127.0.0.0/24', '5']]);
  await expect(page.locator('#fraud-prefixes')).not.toContainText('+44740090');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV (Top prefixes)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^fraud-prefixes-acme-\d{4}-\d{2}-\d{2}\.csv$/);
  // A cell starting with + gets a leading ' (OWASP CSV injection): a spreadsheet must not read a prefix as a formula.
  expect(readFileSync(await file.path(), 'utf8')).toBe(
    "prefix,blocked,blocked_segments,money_saved,currency\r\n'+491511290,4,4,0.3,EUR\r\n'+49900123,1,1,0.075,EUR\r\n",
  );

  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath('fraud-operator-acme'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath('fraud-operator-acme-dark'), fullPage: true });
});

test("an analyst sees their own brand's fraud only, and is refused Acme's", async ({ page }) => {
  await signIn(page, stack.dashboardUrl, NOVA_ANALYST, '?view=fraud&brand=acme');
  await expect(page.getByRole('heading', { level: 1, name: 'Fraud' })).toBeVisible();
  await expect(kpi(page, 'Sends blocked').value).toHaveText('2');
  expect((await tableRows(page, 'fraud-prefixes')).map((row) => row.slice(0, 2))).toEqual([['+44740090', '2']]);
  await expect(page.locator('main')).not.toContainText('+491511290');
  await expect(page.locator('main')).not.toContainText('number_type');
  const refused = await page.evaluate(async () => (await fetch('/api/export/fraud/prefixes.csv?brand=acme')).status);
  expect(refused).toBe(403);
  expect(await wcagViolations(page)).toEqual([]);
});
