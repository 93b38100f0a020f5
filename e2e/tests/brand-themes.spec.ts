import { AxeBuilder } from '@axe-core/playwright';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, test } from '../support/fixtures.js';

/** Opens a brand's checkout, screenshots it, and reads the element's accent token and its button colour. */
async function lookAt(checkout: CheckoutPage, screenshotPath: string) {
  await checkout.open();
  await checkout.page.screenshot({ path: screenshotPath, fullPage: true });
  return {
    accent: await checkout.element.evaluate((element) =>
      getComputedStyle(element).getPropertyValue('--otp-color-accent').trim(),
    ),
    button: await checkout.page
      .getByRole('button', { name: 'Send code' })
      .evaluate((button) => getComputedStyle(button).backgroundColor),
  };
}

test('each brand page shows its own theme', async ({ page, stack }, testInfo) => {
  const acme = await lookAt(new CheckoutPage(page, stack, 'acme'), testInfo.outputPath('acme-checkout.png'));
  const nova = await lookAt(new CheckoutPage(page, stack, 'nova'), testInfo.outputPath('nova-checkout.png'));

  expect(acme.accent).toBe('#1d4ed8');
  expect(nova.accent).not.toBe(acme.accent);
  expect(nova.button).not.toBe(acme.button);
  await expect(page.locator('link[rel="stylesheet"][href="/themes/nova/theme.css"]')).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('United Kingdom (+44)');
});

test('the second brand runs its own rules: 8-digit codes to a UK number', async ({ page, stack }) => {
  const nova = new CheckoutPage(page, stack, 'nova');
  await nova.open();
  const phone = stack.uniquePhone('GB');
  await nova.requestCode(phone.national);
  await expect(nova.codeInput).toHaveAccessibleName(/^Enter the 8-digit code/);
  const code = await stack.codeSentTo(phone.e164);
  expect(code).toMatch(/^\d{8}$/);
  await nova.typeCode(code);
  await nova.expectVerified();
  await nova.placeOrder();
  await expect(nova.outcome).toContainText('Order accepted');
});

for (const brand of ['acme', 'nova']) {
  test(`the ${brand} checkout has no WCAG 2.2 AA violations (axe-core) at the phone and code steps`, async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, brand);
    await checkout.open();
    const axe = () =>
      new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect((await axe()).violations).toEqual([]);
    const phone = stack.uniquePhone(brand === 'acme' ? 'DE' : 'GB');
    await checkout.requestCode(phone.national);
    expect((await axe()).violations).toEqual([]);
  });
}
