import { readFileSync } from 'node:fs';
import { DEFAULT_PRICES, DEFAULT_RISK_SETTINGS } from '@otp-verify/verifier';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { wcagViolations } from '../support/accessibility.js';
import { kpi, screenshotPath, signIn, tableRows } from '../support/dashboard-page.js';
import type { DashboardStack } from '../support/dashboard-stack.js';
import { NOVA_ANALYST, OPERATOR, startDashboardStack } from '../support/dashboard-stack.js';
import type { PumpRun } from '../support/fraud-attacks.js';
import { FraudAttacks } from '../support/fraud-attacks.js';

/**
 * Attacks through the real verifier and its risk engine (issue 8), then the fraud view of the main job's dashboard.
 * Acme: a German premium-rate number typed at the checkout (refused: number_type), and an SMS pumping run in one
 * range, 4 numbers more than velocity_prefix lets through in an hour. Nova: the same run in a UK range. The figures
 * expected are the verifier's answers: a run crossing a clock hour starts a new hourly window and is blocked less.
 */
const PER_HOUR = DEFAULT_RISK_SETTINGS.velocity.prefix.windows.find((window) => window.windowSeconds === 3_600)?.max;
if (PER_HOUR === undefined) throw new Error('velocity_prefix has no hourly window');
const PUMPED = PER_HOUR + 4;
/** The dashboard prices by the verifier's price table: a German SMS segment. */
const DE_SEGMENT = DEFAULT_PRICES.smsSegment.DE;

let stack: DashboardStack;
let acme: PumpRun;
let nova: PumpRun;

test.beforeAll(async () => {
  stack = await startDashboardStack();
  const attacks = new FraudAttacks(stack.verifierUrl, stack.shopOrigin);
  expect(await attacks.enterNumber('acme', '+499001234567')).toBe(422);
  acme = await attacks.pump('acme', '+491511290', PUMPED);
  nova = await attacks.pump('nova', '+44740090', PUMPED);
  for (const run of [acme, nova]) {
    if (run.withinOneHour) expect(run).toEqual({ sent: PER_HOUR, blocked: PUMPED - PER_HOUR, withinOneHour: true });
  }
});

test.afterAll(async () => {
  await stack?.stop();
});

/** The first two cells of a table's rows, as `rows` would show them: only values with blocks, most first. */
const shown = (rows: [string, number][]): string[][] => {
  const blocking = rows.filter(([, blocked]) => blocked > 0).map(([value, blocked]) => [value, String(blocked)]);
  return blocking.length > 0 ? blocking : [['Nothing in this period.']];
};
/** An amount as the server rounds it (to a millionth) and as the page formats it. */
const saved = (segments: number): number => Math.round(segments * DE_SEGMENT * 1e6) / 1e6;
const formatted = (page: Page, amount: number): Promise<string> =>
  page.evaluate(
    (value) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(value),
    amount,
  );

test("an operator reads Acme's blocks: figures, reasons, top lists, money saved, CSV; no WCAG 2.2 AA violation", async ({
  page,
}) => {
  await signIn(page, stack.dashboardUrl, OPERATOR, '?brand=acme');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Fraud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fraud' })).toBeFocused();
  await expect(page).toHaveURL(/view=fraud/);

  // The pumping run's blocks and the premium-rate number, each one SMS segment to Germany.
  const blocked = acme.blocked + 1;
  await expect(kpi(page, 'Sends blocked').value).toHaveText(String(blocked));
  await expect(kpi(page, 'Money saved').value).toHaveText(await formatted(page, saved(blocked)));
  await expect(page.locator('series-chart canvas')).toBeVisible();

  const reasons = (await tableRows(page, 'fraud-reasons')).map((row) => row.slice(0, 2));
  // Rules the demo runs in dry-run show their hits, never a block.
  const blocking = reasons.filter(([, count]) => count !== '0');
  expect(blocking.sort()).toEqual(
    shown([
      ['Velocity prefix velocity_prefix', acme.blocked],
      ['Number type number_type', 1],
    ]).sort(),
  );
  expect((await tableRows(page, 'fraud-prefixes')).map((row) => row.slice(0, 2))).toEqual(
    shown([
      ['+491511290', acme.blocked],
      ['+49900123', 1],
    ]),
  );
  expect((await tableRows(page, 'fraud-countries')).map((row) => row.slice(0, 2))).toEqual(
    shown([['Germany (DE)', blocked]]),
  );
  expect((await tableRows(page, 'fraud-networks')).map((row) => row.slice(0, 2))).toEqual(
    shown([['127.0.0.0/24', blocked]]),
  );
  await expect(page.locator('#fraud-prefixes')).not.toContainText('+44740090');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV (Top prefixes)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^fraud-prefixes-acme-\d{4}-\d{2}-\d{2}\.csv$/);
  // A cell starting with + gets a leading ' (OWASP CSV injection): a spreadsheet must not read a prefix as a formula.
  const pumped = acme.blocked > 0 ? `'+491511290,${acme.blocked},${acme.blocked},${saved(acme.blocked)},EUR\r\n` : '';
  expect(readFileSync(await file.path(), 'utf8')).toBe(
    `prefix,blocked,blocked_segments,money_saved,currency\r\n${pumped}'+49900123,1,1,${saved(1)},EUR\r\n`,
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
  await expect(kpi(page, 'Sends blocked').value).toHaveText(String(nova.blocked));
  expect((await tableRows(page, 'fraud-prefixes')).map((row) => row.slice(0, 2))).toEqual(
    shown([['+44740090', nova.blocked]]),
  );
  await expect(page.locator('main')).not.toContainText('+491511290');
  await expect(page.locator('main')).not.toContainText('number_type');
  const refused = await page.evaluate(async () => (await fetch('/api/export/fraud/prefixes.csv?brand=acme')).status);
  expect(refused).toBe(403);
  expect(await wcagViolations(page)).toEqual([]);
});

test('a failed load leaves no stale figures and the same filter loads again; CSV links export the figures’ window', async ({
  page,
}) => {
  await signIn(page, stack.dashboardUrl, OPERATOR, '?view=fraud&brand=acme');
  await expect(kpi(page, 'Sends blocked').value).toHaveText(String(acme.blocked + 1));

  const fraudApi = /\/api\/fraud\?/;
  await page.route(fraudApi, (route) => route.abort(), { times: 1 });
  await page.getByLabel('Brand').selectOption('nova');
  await expect(page.getByRole('alert')).toContainText('The figures could not be loaded');
  // Acme's figures must not stand under an error about Nova's.
  await expect(page.locator('.kpi')).toHaveCount(0);

  // The same filter asked again: the clock passes an hour while the figures load, so a link resolving the period
  // when it renders would export another window than the figures'.
  let asked: URL | undefined;
  await page.route(fraudApi, async (route) => {
    asked = new URL(route.request().url());
    await page.clock.setFixedTime(Date.now() + 3_600_000);
    await route.continue();
  });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Fraud' }).click();
  await expect(kpi(page, 'Sends blocked').value).toHaveText(String(nova.blocked));
  await expect(page.getByText('The figures could not be loaded')).toHaveCount(0);
  const href = await page.getByRole('link', { name: 'Download CSV (Top prefixes)' }).getAttribute('href');
  expect(new URL(href ?? '', stack.dashboardUrl).search).toBe(asked?.search);
});
