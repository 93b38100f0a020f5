import type { Page } from '@playwright/test';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, test } from '../support/fixtures.js';

/** Answers the verifier's requests to `pattern` with a problem+json error, as the verifier would. */
async function answerWithProblem(page: Page, pattern: string, status: number, problem: object): Promise<void> {
  await page.route(pattern, (route) =>
    route.fulfill({
      status,
      contentType: 'application/problem+json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify({ type: 'about:blank', title: 'error', status, ...problem }),
    }),
  );
}

test.describe('each error says what happened and offers a way forward', () => {
  test('locked after five wrong codes (NIST 800-63B attempt limit): "Start again" gets a new code', async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    await checkout.typeWrongCodesUntilLocked(await stack.codeSentTo(phone.e164));
    await expect(checkout.alert).toHaveText('Too many wrong codes. Start again to get a new code.');
    const startAgain = page.getByRole('button', { name: 'Start again' });
    await expect(startAgain).toBeFocused();
    await startAgain.click();
    await checkout.verify(phone);
  });

  test('an expired code: the element notices at expiry and starts again on request', async ({ page, stack }) => {
    await page.clock.install();
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    const expired = page.evaluate(
      () =>
        new Promise((resolve) =>
          document.addEventListener('otp-expired', (event) => resolve((event as CustomEvent).detail.expired)),
        ),
    );
    await page.clock.fastForward('05:01');
    await expect(checkout.alert).toHaveText('This code has expired. Start again to get a new code.');
    expect(await expired).toBe('session');
    const startAgain = page.getByRole('button', { name: 'Start again' });
    await expect(startAgain).toBeFocused();
    await startAgain.click();
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toBeFocused();
    await checkout.verify(phone);
  });

  test('resend countdown on a controlled clock: it follows the server’s retryAfter, also when it refuses', async ({
    page,
    stack,
  }) => {
    await page.clock.install();
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.openAtCodeStep();
    const resend = page.getByRole('button', { name: 'Send a new code' });
    await expect(resend).toBeDisabled();
    // Stop the page's clock (it ran in real time so far), so the countdown moves only when the test says.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    const countdown = checkout.element.getByText(/^New code in \d+ s$/);
    const secondsLeft = Number((await countdown.textContent())?.match(/\d+/)?.[0]);
    expect(secondsLeft).toBeGreaterThan(20);
    expect(secondsLeft).toBeLessThanOrEqual(30);
    await page.clock.runFor(10_000);
    await expect(countdown).toHaveText(`New code in ${secondsLeft - 10} s`);
    await page.clock.runFor((secondsLeft - 10) * 1_000);
    await expect(resend).toBeEnabled();
    // The polite live region says so once; the countdown itself is not read out every second.
    await expect(checkout.element.getByRole('status')).toHaveText('You can send a new code now.');
    // The page's clock ran ahead of the server's, which still refuses: its retryAfter restarts the countdown.
    await resend.click();
    await expect(checkout.alert).toHaveText(/^Too many attempts\. Try again in \d+ seconds\.$/);
    await expect(resend).toBeDisabled();
    await expect(checkout.element.getByText(/^New code in \d+ s$/)).toBeVisible();
  });

  test('resend in real time: after the cooldown a new code is sent, announced with the sends left', async ({
    page,
    stack,
  }) => {
    test.slow(); // waits out the server's real 30 s cooldown
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    const first = await stack.codeSentTo(phone.e164);
    const resend = page.getByRole('button', { name: 'Send a new code' });
    await expect(resend).toBeEnabled({ timeout: 35_000 });
    await resend.click();
    await expect(checkout.element.getByRole('status')).toContainText(/New code sent to ••• \d\d\. 3 new codes left\./);
    // The cooldown grows with each send (DESIGN.md); the element counts down what the server said.
    await expect(checkout.element.getByText(/^New code in \d+ s$/)).toBeVisible();
    await checkout.typeCode(await stack.codeSentTo(phone.e164, first));
    await checkout.expectVerified();
  });

  test('rate limited: the wait is shown in words, and sending works again afterwards', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = stack.uniquePhone('DE');
    await checkout.open();
    await answerWithProblem(page, '**/v1/sessions/*/send', 429, { code: 'rate_limited', retryAfter: 90 });
    await page.getByRole('textbox', { name: 'Mobile number' }).fill(phone.national);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(checkout.alert).toHaveText('Too many attempts. Try again in 2 minutes.');
    await page.unroute('**/v1/sessions/*/send');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(checkout.codeInput).toBeFocused();
  });

  test('network down while sending: says so, and "Send code" works once the network is back', async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = stack.uniquePhone('DE');
    await checkout.open();
    await page.route('**/v1/sessions', (route) => route.abort('internetdisconnected'));
    await page.getByRole('textbox', { name: 'Mobile number' }).fill(phone.national);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(checkout.alert).toHaveText(
      'Could not reach the verification service. Check your connection and try again.',
    );
    await page.unroute('**/v1/sessions');
    await page.getByRole('button', { name: 'Send code' }).click();
    await checkout.typeCode(await stack.codeSentTo(phone.e164));
    await checkout.expectVerified();
  });

  test('verifier unreachable when the page loads: "Try again" loads it once it is back', async ({ page, stack }) => {
    await page.route('**/v1/brands/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${stack.shopUrl}/checkout/acme`);
    const checkout = new CheckoutPage(page, stack, 'acme');
    await expect(checkout.alert).toHaveText(
      'Could not reach the verification service. Check your connection and try again.',
    );
    await page.unroute('**/v1/brands/**');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toBeFocused();
  });

  test('the SMS gateway is down: "try again in a few minutes", and a retry sends', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = stack.uniquePhone('DE');
    await checkout.open();
    await answerWithProblem(page, '**/v1/sessions/*/send', 503, { code: 'delivery_unavailable' });
    await page.getByRole('textbox', { name: 'Mobile number' }).fill(phone.national);
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect(checkout.alert).toHaveText('We couldn’t send the code right now. Try again in a few minutes.');
    await page.unroute('**/v1/sessions/*/send');
    await page.getByRole('button', { name: 'Send code' }).click();
    await checkout.typeCode(await stack.codeSentTo(phone.e164));
    await checkout.expectVerified();
  });

  test('a brand without guest checkout says at once that the customer must sign in, before any number', async ({
    page,
    stack,
  }) => {
    await page.route('**/v1/brands/**', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), guestCheckout: false } });
    });
    await page.goto(`${stack.shopUrl}/checkout/acme`);
    const checkout = new CheckoutPage(page, stack, 'acme');
    await expect(checkout.alert).toHaveText(
      'This shop only texts codes to the mobile number on your account. Sign in to verify this order.',
    );
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  });
});
