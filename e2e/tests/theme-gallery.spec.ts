/**
 * The theme gallery (GET /gallery): every brand with a theme, light and dark, in every state of <otp-verify>.
 * Each cell is compared with its committed baseline, e2e/visual-baselines/theme-gallery.spec.ts/
 * <brand>-<scheme>-<state>.png (`no-theme` for the element's defaults).
 *
 * After a deliberate change of look (a theme, a token default, the element's styles), rebuild and update:
 *
 *   pnpm run build && pnpm --filter @otp-verify/e2e gallery:update
 *
 * then open the changed PNGs (git status) and look at each before committing it.
 *
 * The baselines come from /usr/bin/chromium on CI's machine type, which is this one, so file names carry no
 * platform; another OS or Chromium version renders text differently and would need its own.
 * Deterministic: the page's clock stands still (countdowns stay at 30 s, nothing expires), animations are
 * disabled, the caret is hidden and the gallery script takes the focus away before the screenshots.
 */
import type { Locator, Page } from '@playwright/test';
import { wcagViolations } from '../support/accessibility.js';
import { expect, test } from '../support/fixtures.js';

/**
 * Renders on this machine are the same run after run but for a few corner pixels one colour level apart, which
 * a per-pixel threshold of 0.1 ignores. Text antialiasing hides most of a changed glyph from the comparison: the
 * countdown's "30 s" against "29 s" counts 20 to 27 pixels. Cells have 120,000 to 210,000, so the allowance,
 * 0.005 % (6 to 10 pixels), stays well under a changed digit.
 */
const SCREENSHOT = { animations: 'disabled', caret: 'hide', threshold: 0.1, maxDiffPixelRatio: 0.00005 } as const;

/**
 * Opens the gallery with the page's clock paused, and lets it run a millisecond at a time (each element's first
 * render waits for a timer) until the gallery script marks every cell ready.
 */
async function openGallery(page: Page, shopUrl: string): Promise<Locator> {
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1_000);
  await page.goto(`${shopUrl}/gallery`);
  await expect
    .poll(
      async () => {
        await page.clock.runFor(1);
        return page.locator('body[data-gallery-ready]').count();
      },
      { message: 'every cell of the gallery in its state', timeout: 60_000 },
    )
    .toBe(1);
  return page.locator('[data-gallery-cell]');
}

/** `otp-verify:state(code):state(invalid)` for a cell whose data-shows is "code invalid". */
const inItsState = (shows: string): string =>
  `otp-verify${shows
    .split(' ')
    .map((state) => `:state(${state})`)
    .join('')}`;

test('every cell of the gallery looks like its baseline', async ({ page, stack }) => {
  const cells = await (await openGallery(page, stack.shopUrl)).all();
  // A new baseline takes screenshots until two in a row agree: a couple of seconds each on this machine.
  test.setTimeout(60_000 + cells.length * 3_000);
  for (const cell of cells) {
    const [name, shows] = await Promise.all([cell.getAttribute('data-gallery-cell'), cell.getAttribute('data-shows')]);
    await expect(cell.locator(inItsState(shows ?? '')), `${name} shows "${shows}"`).toHaveCount(1);
    await expect.soft(cell).toHaveScreenshot(`${name}.png`, SCREENSHOT);
  }
});

test('each column wears its own theme, and no theme reaches another column', async ({ page, stack }) => {
  await openGallery(page, stack.shopUrl);
  const sendCodeColour = (column: string) =>
    page
      .locator(`[data-gallery-cell="${column}-phone"] [part~="button-primary"]`)
      .evaluate((button) => getComputedStyle(button).backgroundColor);
  const themes = await page
    .locator('[data-theme][data-gallery-cell$="-light-phone"]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-theme') ?? ''));
  expect(themes).toEqual(expect.arrayContaining(['acme', 'granite', 'kiwi', 'noor', 'nova']));

  const defaults = await sendCodeColour('no-theme-light');
  expect(await sendCodeColour('no-theme-dark'), 'the defaults follow the colour scheme').not.toBe(defaults);
  // Every brand has its own button colour: a theme that reached another column would make two columns alike.
  const colours = await Promise.all(themes.map((theme) => sendCodeColour(`${theme}-light`)));
  expect(new Set([defaults, ...colours]).size, `${themes.join(', ')}: ${colours.join(', ')}`).toBe(themes.length + 1);
});

test('the gallery page has no WCAG 2.2 AA violations (axe-core)', async ({ page, stack }) => {
  test.setTimeout(120_000);
  await openGallery(page, stack.shopUrl);
  // axe-core works in timer slices, which a paused clock would never run.
  await page.clock.resume();
  expect(await wcagViolations(page)).toEqual([]);
});
