import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Credentials } from './dashboard-stack.js';

/** Signs in through the form and waits for the overview. */
export async function signIn(page: Page, dashboardUrl: string, user: Credentials, search = ''): Promise<void> {
  await page.goto(`${dashboardUrl}/${search}`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** A key figure's tile: its value and, with a brand selected, the market's. */
export function kpi(page: Page, label: string) {
  const tile = page
    .locator('.kpi')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) });
  return { value: tile.locator('.kpi-value'), market: tile.locator('.kpi-market') };
}

/** The count of a funnel step. */
export function funnelStep(page: Page, label: string) {
  return page.locator('.funnel-step').filter({ hasText: label }).locator('.funnel-count');
}

/** The rows of a table (by its id) as arrays of cell texts. */
export async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`table#${id} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? '')),
    );
}

/** Whether the page scrolls sideways (it must not on a phone). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * Where the dashboard tests save their screenshots for a person to look at: outside test-results/, which every
 * Playwright run empties (another suite running at the same time would delete them).
 */
export function screenshotPath(name: string): string {
  return fileURLToPath(new URL(`../.artifacts/dashboard-screenshots/${name}.png`, import.meta.url));
}

/** Collects what the page's Content Security Policy blocked (an inline style or script), from now on. */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  return violations;
}
