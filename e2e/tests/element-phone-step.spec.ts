import type { Locator } from '@playwright/test';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, test } from '../support/fixtures.js';

const caret = (input: Locator) => input.evaluate((element: HTMLInputElement) => element.selectionStart);

test.describe('phone step', () => {
  test('formats as you type, and the caret stays after the digit it was after', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    const number = page.getByRole('textbox', { name: 'Mobile number' });
    await expect(number).toHaveAttribute('type', 'tel');
    await expect(number).toHaveAttribute('autocomplete', 'tel');

    await number.pressSequentially('01701234567');
    await expect(number).toHaveValue('0170 1234567');
    // Backspace just after a separator deletes the digit before it (the space alone would come back).
    await number.evaluate((input: HTMLInputElement) => input.setSelectionRange(5, 5));
    await page.keyboard.press('Backspace');
    await expect(number).toHaveValue('0171 234567');
    expect(await caret(number)).toBe(3);
    // Into the middle: the number is formatted again and the caret stays after the typed digit.
    await number.evaluate((input: HTMLInputElement) => input.setSelectionRange(2, 2));
    await page.keyboard.type('5');
    await expect(number).toHaveValue('01571 234567');
    expect(await caret(number)).toBe(3);
  });

  test('an international number picks its country when the brand serves it', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await page.getByRole('textbox', { name: 'Mobile number' }).pressSequentially('+41791234567');
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toHaveValue('+41 79 123 45 67');
    await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('Switzerland (+41)');
  });

  test('the country picker finds a country by name, ISO code or dial code', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    const country = page.getByRole('combobox', { name: 'Country' });
    for (const [query, expected] of [
      ['swit', 'Switzerland (+41)'],
      ['AT', 'Austria (+43)'],
      ['+49', 'Germany (+49)'],
    ] as const) {
      await country.click();
      await country.fill(query);
      await expect(page.getByRole('option').first()).toHaveText(expected);
      await page.keyboard.press('Enter');
      await expect(country).toHaveValue(expected);
      await expect(country).toHaveAttribute('aria-expanded', 'false');
    }
    await country.fill('zz');
    await expect(page.getByRole('option')).toHaveText(['No matching country']);
    await page.keyboard.press('Escape');
    await expect(country).toHaveAttribute('aria-expanded', 'false');
  });

  test('a number from a country the brand does not serve is refused with the way forward', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await page.getByRole('textbox', { name: 'Mobile number' }).fill('+44 7400 123456');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(checkout.alert).toHaveText(
      'We can’t send codes to numbers in this country. Use a number from one of the listed countries.',
    );
  });
});
