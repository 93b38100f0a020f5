import type { Locator, Page, TestInfo } from '@playwright/test';
import { wcagViolations } from '../support/accessibility.js';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, recordSessions, test } from '../support/fixtures.js';

/** axe-core finds no WCAG 2.2 AA violation in the element, and a screenshot records how the state looks. */
async function checkState(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  expect(await wcagViolations(page, 'otp-verify'), `axe violations in the "${state}" state`).toEqual([]);
  await page.locator('otp-verify').screenshot({ path: testInfo.outputPath(`${state}.png`), animations: 'disabled' });
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it takes more than `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 15): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('every state is accessible (axe-core, WCAG 2.2 AA) and has a screenshot', () => {
  test('loading, then unavailable with "Try again"', async ({ page, stack }, testInfo) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/brands/**', async (route) => {
      await held;
      await route.abort('connectionrefused');
    });
    await page.goto(`${stack.shopUrl}/checkout/acme`);
    await expect(page.locator('otp-verify').getByText('Loading phone verification…')).toBeVisible();
    await checkState(page, testInfo, 'loading');
    release();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await checkState(page, testInfo, 'unavailable');
  });

  test('phone step: empty, with an error, with the country list open', async ({ page, stack }, testInfo) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await checkState(page, testInfo, 'phone');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(checkout.alert).toHaveText('Enter your mobile number.');
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toHaveAccessibleDescription(
      /Enter your mobile number\./,
    );
    await checkState(page, testInfo, 'phone-error');
    await page.getByRole('combobox', { name: 'Country' }).click();
    await expect(page.getByRole('listbox')).toBeVisible();
    await checkState(page, testInfo, 'country-list-open');
  });

  test('registered number, code step, wrong code, checking, verified', async ({ page, stack }, testInfo) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const sessionIds = await recordSessions(page);
    await page.goto(`${stack.shopUrl}/checkout/acme/signed-in`);
    await expect(page.getByRole('button', { name: 'Send code' })).toBeVisible();
    await checkState(page, testInfo, 'registered');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(checkout.codeInput).toBeFocused();
    await checkState(page, testInfo, 'code');
    // Another test may text the same demo customer at the same time: take this session's code.
    const [sessionId = ''] = await sessionIds();
    const code = await stack.codeSentInSession('+491701234567', sessionId);
    await checkout.typeCode(code === '000000' ? '111111' : '000000');
    await expect(checkout.alert).toHaveText('Wrong code. 4 attempts left.');
    await expect(checkout.codeInput).toHaveAccessibleDescription(/Wrong code\. 4 attempts left\./);
    await checkState(page, testInfo, 'code-wrong');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/check', async (route) => {
      await held;
      await route.continue();
    });
    const verifyColour = () =>
      page.getByRole('button', { name: 'Verify' }).evaluate((button) => getComputedStyle(button).color);
    const idleColour = await verifyColour();
    await checkout.typeCode(code);
    await expect(page.locator('otp-verify form')).toHaveAttribute('aria-busy', 'true');
    // Busy, the button keeps its text colour (no other rule for aria-disabled may take it over).
    expect(await verifyColour()).toBe(idleColour);
    await checkState(page, testInfo, 'checking');
    release();
    await checkout.expectVerified();
    await checkState(page, testInfo, 'verified');
  });

  test('closed after too many wrong codes', async ({ page, stack }, testInfo) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    await checkout.typeWrongCodesUntilLocked(await stack.codeSentTo(phone.e164));
    await expect(page.getByRole('button', { name: 'Start again' })).toBeFocused();
    await checkState(page, testInfo, 'closed');
  });

  test('forced colors (Windows high contrast): phone and code steps', async ({ page, stack }, testInfo) => {
    await page.emulateMedia({ forcedColors: 'active' });
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await checkState(page, testInfo, 'forced-colors-phone');
    await checkout.requestCode(stack.uniquePhone('DE').national);
    await checkout.codeInput.pressSequentially('12');
    await checkState(page, testInfo, 'forced-colors-code');
  });
});

test('prefers-contrast: more: borders and hints take the text colour, also in the light-DOM code field', async ({
  page,
  stack,
}, testInfo) => {
  await page.emulateMedia({ contrast: 'more' });
  const checkout = new CheckoutPage(page, stack, 'acme');
  await checkout.open();
  await checkout.requestCode(stack.uniquePhone('DE').national);
  const colours = await page.locator('otp-verify').evaluate((element) => {
    const slot = element.querySelector('.otp-verify-code-slot');
    const hint = element.querySelector('.otp-verify-code p');
    return {
      text: getComputedStyle(element).color,
      slotBorder: slot ? getComputedStyle(slot).borderTopColor : '',
      hint: hint ? getComputedStyle(hint).color : '',
    };
  });
  expect(colours.slotBorder).toBe(colours.text);
  expect(colours.hint).toBe(colours.text);
  await checkState(page, testInfo, 'more-contrast-code');
});

test('keyboard only: country, number, code and the order, without a mouse', async ({ page, stack }) => {
  const checkout = new CheckoutPage(page, stack, 'acme');
  const phone = stack.uniquePhone('DE');
  await checkout.open();

  await tabTo(page, page.getByRole('combobox', { name: 'Country' }));
  await page.keyboard.type('Austr');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue(/Austria \(\+43\)/);
  // Focusing the combobox again selects its text, so typing replaces it; Tab takes the first match.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Germ');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue(/Germany \(\+49\)/);
  await expect(page.getByRole('textbox', { name: 'Mobile number' })).toBeFocused();

  await page.keyboard.type(phone.national);
  await page.keyboard.press('Enter');
  await expect(checkout.codeInput).toBeFocused();
  await page.keyboard.type(await stack.codeSentTo(phone.e164));
  await checkout.expectVerified();

  await tabTo(page, page.getByRole('button', { name: 'Place order' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Order accepted' })).toBeVisible();
});
