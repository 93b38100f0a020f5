import type { Page } from '@playwright/test';
import { wcagViolations } from '../support/accessibility.js';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, test } from '../support/fixtures.js';

/**
 * Puts the shop's checkout page in another language before the element starts: `<html lang>` changed and the
 * element's own `locale` attribute (the demo sets it from the shop's locale) removed, so it follows the page;
 * `dir` overrides the page's direction.
 * (Rewriting the HTML with page.route would make Chromium treat the page as public and block its requests to
 * the loopback verifier.)
 */
async function pageLanguage(page: Page, lang: string, dir?: 'ltr'): Promise<void> {
  await page.addInitScript(
    ([language, direction]) => {
      new MutationObserver((_, observer) => {
        const element = document.querySelector('otp-verify');
        if (!element) return;
        document.documentElement.lang = language;
        if (direction) document.documentElement.dir = direction;
        element.removeAttribute('locale');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    },
    [lang, dir] as const,
  );
}

test.describe('the element speaks the customer’s language', () => {
  test('German from the page’s lang="de-AT": labels, country names and the whole flow', async ({ page, stack }) => {
    await pageLanguage(page, 'de-AT');
    const phone = stack.uniquePhone('DE');
    const checkout = new CheckoutPage(page, stack, 'acme');
    await page.goto(`${stack.shopUrl}/checkout/acme`);
    await expect(page.getByRole('group', { name: 'Telefonnummer bestätigen' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Land' })).toHaveValue('Deutschland (+49)');
    await page.getByRole('textbox', { name: 'Mobilnummer' }).fill(phone.national);
    await page.getByRole('button', { name: 'Code senden' }).click();
    const codeInput = page.getByRole('textbox', { name: /^Geben Sie den 6-stelligen Code ein/ });
    await expect(codeInput).toBeFocused();
    await codeInput.pressSequentially(await stack.codeSentTo(phone.e164));
    await expect(checkout.element.getByText('Telefonnummer bestätigt')).toBeVisible();
  });

  test('the locale attribute wins over the page’s language and can change at run time', async ({ page, stack }) => {
    // Acme speaks English, German and French (it sells in Switzerland).
    await pageLanguage(page, 'de');
    await page.goto(`${stack.shopUrl}/checkout/acme`);
    await expect(page.getByRole('textbox', { name: 'Mobilnummer' })).toBeVisible();
    await page.locator('otp-verify').evaluate((element) => element.setAttribute('locale', 'fr-CH'));
    await expect(page.getByRole('combobox', { name: 'Pays' })).toHaveValue(/^Allemagne \(\+49\)$/);
    await expect(page.getByRole('textbox', { name: 'Mobilnummer' })).toHaveCount(0);
  });

  test('Arabic: right-to-left layout, digits and the number kept left-to-right, accessible', async ({
    page,
    stack,
  }, testInfo) => {
    // noor's page is right to left itself: made left to right here, the element's own direction is what shows.
    await pageLanguage(page, 'ar', 'ltr');
    const phone = stack.uniquePhone('AE');
    await page.goto(`${stack.shopUrl}/checkout/noor`);
    const element = page.locator('otp-verify');
    const form = element.locator('form');
    await expect(form).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('group', { name: 'تحقّق من رقم هاتفك' })).toBeVisible();
    const number = page.getByRole('textbox', { name: 'رقم الهاتف المحمول' });
    expect(await number.evaluate((input) => getComputedStyle(input).direction)).toBe('ltr');
    expect(await wcagViolations(page, 'otp-verify')).toEqual([]);
    await element.screenshot({ path: testInfo.outputPath('rtl-phone.png') });

    await number.fill(phone.national);
    await page.getByRole('button', { name: 'إرسال الرمز' }).click();
    const codeInput = page.locator('otp-verify input[autocomplete="one-time-code"]');
    await expect(codeInput).toBeFocused();
    await codeInput.pressSequentially('12');
    const slotLefts = await element
      .locator('.otp-verify-code-slot')
      .evaluateAll((slots) => slots.map((slot) => slot.getBoundingClientRect().left));
    expect(slotLefts).toEqual([...slotLefts].sort((a, b) => a - b));
    expect(await element.locator('.otp-verify-code-slot').first().textContent()).toBe('1');
    expect(await wcagViolations(page, 'otp-verify')).toEqual([]);
    await element.screenshot({ path: testInfo.outputPath('rtl-code.png') });
  });
});
