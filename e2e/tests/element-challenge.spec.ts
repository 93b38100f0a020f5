import { DEMO_SIM_SWAPS } from '@otp-verify/demo-shop';
import { wcagViolations } from '../support/accessibility.js';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, submittedToken, test } from '../support/fixtures.js';

const swapped = DEMO_SIM_SWAPS.find((number) => number.brand === 'acme') as (typeof DEMO_SIM_SWAPS)[number];

test.describe("a recently swapped SIM: the shop confirms it's the customer before the code is sent", () => {
  test('keyboard only: step-up message and form, wrong password refused, right one sends the code, order accepted', async ({
    page,
    stack,
  }, testInfo) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    const phoneField = page.getByRole('textbox', { name: checkout.words.phone });
    await phoneField.focus();
    await page.keyboard.type(swapped.typed);
    await page.keyboard.press('Enter');

    await expect(checkout.alert).toHaveText('The shop needs to confirm it’s you before we send a code.');
    await expect(phoneField).toHaveValue(swapped.typed);
    const password = page.getByRole('textbox', { name: 'Account password' });
    await expect(page.getByRole('heading', { name: 'Confirm it’s you: enter your account password' })).toBeVisible();
    await expect(password).toBeFocused();
    // WCAG 2.2 AA on the whole page in the challenge state: the element's message and the shop's form.
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('step-up.png'), fullPage: true });

    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    await expect(page.locator('#step-up-error')).toHaveText('Wrong password. Try again.');
    await expect(password).toBeFocused();
    await expect(password).toHaveValue('');

    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await expect(checkout.codeInput).toBeFocused();
    await expect(page.locator('#step-up')).toBeHidden();
    await expect(checkout.element.getByRole('status')).toContainText(`Code sent to ••• ${swapped.e164.slice(-2)}`);

    await page.keyboard.type(await stack.codeSentTo(swapped.e164));
    await checkout.expectVerified();
    expect(await submittedToken(page)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Place order' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(checkout.outcome).toContainText('Order accepted');
  });
});
