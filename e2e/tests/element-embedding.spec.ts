import { CheckoutPage } from '../support/checkout-page.js';
import { expect, submittedToken, test } from '../support/fixtures.js';

test.describe('safe to embed', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { cspViolations: violations });
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
  });

  test('under a strict CSP with Trusted Types: no inline style, no eval, no violation in a whole flow', async ({
    page,
    stack,
    request,
  }) => {
    const response = await request.get(`${stack.shopUrl}/checkout/acme`);
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).not.toContain('unsafe');
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await checkout.verify(stack.uniquePhone('DE'));
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });

  test('carries a version stamp', async ({ page, stack }) => {
    await new CheckoutPage(page, stack, 'acme').open();
    const version = await page.evaluate(
      () => (customElements.get('otp-verify') as unknown as { version: string }).version,
    );
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

test.describe('custom states for page CSS', () => {
  test('otp-verify:state(…) follows the steps', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = stack.uniquePhone('DE');
    const matches = (state: string) =>
      checkout.element.evaluate((element, name) => element.matches(`:state(${name})`), state);
    await checkout.open();
    expect(await matches('phone')).toBe(true);
    await checkout.requestCode(phone.national);
    expect([await matches('code'), await matches('phone')]).toEqual([true, false]);
    const code = await stack.codeSentTo(phone.e164);
    await checkout.typeCode(code === '000000' ? '111111' : '000000');
    await expect.poll(() => matches('invalid')).toBe(true);
    await checkout.typeCode(code);
    await checkout.expectVerified();
    expect([await matches('verified'), await matches('invalid'), await matches('busy')]).toEqual([true, false, false]);
  });
});

test.describe('form-associated', () => {
  test('form reset starts over: the phone step again, the number cleared, no token', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.open();
    await checkout.verify(stack.uniquePhone('DE'));
    expect(await submittedToken(page)).not.toBeNull();
    await page.evaluate(() => document.querySelector<HTMLFormElement>('form#checkout')?.reset());
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toHaveValue('');
    expect(await submittedToken(page)).toBeNull();
    expect(await page.locator('otp-verify input[autocomplete="one-time-code"]').count()).toBe(0);
  });

  test('disabled (its own attribute or a disabled fieldset): the light-DOM code field is disabled too', async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.openAtCodeStep();
    await checkout.element.evaluate((element) => element.setAttribute('disabled', ''));
    await expect(checkout.codeInput).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Verify' })).toBeDisabled();
    await checkout.element.evaluate((element) => element.removeAttribute('disabled'));
    await expect(checkout.codeInput).toBeEnabled();
    await page.evaluate(() => {
      const fieldset = document.createElement('fieldset');
      const element = document.querySelector('otp-verify');
      element?.before(fieldset);
      if (element) fieldset.append(element);
      fieldset.disabled = true;
    });
    await expect(checkout.codeInput).toBeDisabled();
  });
});
