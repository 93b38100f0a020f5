import type { Page } from '@playwright/test';
import { CheckoutPage } from '../support/checkout-page.js';
import { expect, submittedToken, test } from '../support/fixtures.js';

/** What the drawn slots show, one character per slot ('' for an empty one), and which slot is active. */
async function slots(page: Page): Promise<{ shown: string[]; active: number }> {
  return page.locator('otp-verify .otp-verify-code-slot').evaluateAll((spans) => ({
    shown: spans.map((span) => span.textContent ?? ''),
    active: spans.findIndex((span) => span.hasAttribute('data-active')),
  }));
}

/** A paste as the browser delivers it (a ClipboardEvent carrying the text) into the focused code field. */
async function paste(page: Page, text: string): Promise<void> {
  await page.locator('otp-verify input[autocomplete="one-time-code"]').evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Time for a check the element wrongly started to show up as a request (one takes a few ms here). */
function settle(page: Page): Promise<void> {
  return page.waitForTimeout(500);
}

/** Counts the code checks the element sends. */
function countChecks(page: Page): () => number {
  let checks = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/check')) checks += 1;
  });
  return () => checks;
}

test.describe('the code field: one real one-time-code input under drawn digit slots', () => {
  test('is a single labelled input in the light DOM, where autofill and password managers see it', async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.openAtCodeStep();
    const inLightDom = await page.evaluate(() => {
      const inputs = document.querySelectorAll('otp-verify input[autocomplete="one-time-code"]');
      const input = inputs[0] as HTMLInputElement | undefined;
      return {
        count: inputs.length,
        inputmode: input?.inputMode,
        form: input?.form?.id,
        root: input?.getRootNode() === document,
      };
    });
    expect(inLightDom).toEqual({ count: 1, inputmode: 'numeric', form: 'checkout', root: true });
    await expect(checkout.codeInput).toHaveAccessibleDescription(/Check your text messages/);
    expect((await slots(page)).shown).toEqual(['', '', '', '', '', '']);
  });

  test('typing fills the slots, ignores letters, and submits once when the last digit is typed', async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = stack.uniquePhone('DE');
    const checks = countChecks(page);
    await checkout.open();
    await checkout.requestCode(phone.national);
    const code = await stack.codeSentTo(phone.e164);

    await checkout.codeInput.pressSequentially(`${code.slice(0, 2)}x-`);
    expect(await slots(page)).toEqual({ shown: [code[0], code[1], '', '', '', ''], active: 2 });
    await settle(page);
    expect(checks()).toBe(0);
    await checkout.codeInput.pressSequentially(code.slice(2));
    await checkout.expectVerified();
    expect(checks()).toBe(1);
  });

  test('Backspace deletes the digit before the caret; arrows move the active slot; digits go in at the caret', async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.openAtCodeStep();

    await checkout.codeInput.pressSequentially('1234');
    await page.keyboard.press('Backspace');
    expect(await slots(page)).toEqual({ shown: ['1', '2', '3', '', '', ''], active: 3 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect((await slots(page)).active).toBe(1);
    await page.keyboard.press('Backspace');
    expect(await slots(page)).toEqual({ shown: ['2', '3', '', '', '', ''], active: 0 });
    await page.keyboard.type('9');
    expect(await slots(page)).toEqual({ shown: ['9', '2', '3', '', '', ''], active: 1 });
    await page.keyboard.press('End');
    expect((await slots(page)).active).toBe(3);
  });

  for (const [variant, format] of [
    ['with spaces', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
    ['with a dash and line breaks', (code: string) => `\n${code.slice(0, 3)}-${code.slice(3)}\n`],
    [
      'in Arabic-Indic digits',
      (code: string) => [...code].map((d) => String.fromCharCode(0x0660 + Number(d))).join(''),
    ],
    ['as the whole SMS', (code: string) => `Acme Mobile: ${code} is your code for €508.99.\n\n@127.0.0.1 #${code}`],
  ] as const) {
    test(`paste ${variant}: the code is normalised and checked`, async ({ page, stack }) => {
      const checkout = new CheckoutPage(page, stack, 'acme');
      const phone = stack.uniquePhone('DE');
      await checkout.open();
      await checkout.requestCode(phone.national);
      await paste(page, format(await stack.codeSentTo(phone.e164)));
      await checkout.expectVerified();
    });
  }

  test('a paste with too many digits fills the field but is not checked, so it costs no attempt', async ({
    page,
    stack,
  }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const checks = countChecks(page);
    await checkout.open();
    await checkout.requestCode(stack.uniquePhone('DE').national);
    await paste(page, '12345678');
    expect((await slots(page)).shown).toEqual(['1', '2', '3', '4', '5', '6']);
    await settle(page);
    await expect(checkout.alert).toBeEmpty();
    expect(checks()).toBe(0);
  });

  test('autofill (the value set by the browser) is normalised and checked', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    const code = await stack.codeSentTo(phone.e164);
    await checkout.codeInput.evaluate(
      (input: HTMLInputElement, value) => {
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
      },
      ` ${code.slice(0, 3)} ${code.slice(3)} `,
    );
    await checkout.expectVerified();
  });

  test('no double submit: Enter and Verify while the check is in flight send one check', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = stack.uniquePhone('DE');
    const checks = countChecks(page);
    // Hold the check until the customer has pressed Enter and clicked Verify while it is in flight.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/check', async (route) => {
      await held;
      await route.continue();
    });
    await checkout.open();
    await checkout.requestCode(phone.national);
    await checkout.typeCode(await stack.codeSentTo(phone.e164));
    await checkout.codeInput.press('Enter');
    // The button says it is busy (aria-disabled) but stays clickable, as a customer would find it.
    await page.getByRole('button', { name: 'Verify' }).click({ force: true });
    release();
    await checkout.expectVerified();
    expect(checks()).toBe(1);
  });

  test('Enter in the code field checks the code and never submits the checkout form', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.openAtCodeStep();
    // The browser's implicit submission of the page form would fire `submit`, or `invalid` on the element
    // (required and not verified yet).
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { checkoutFormEvents: seen });
      document.querySelector('form#checkout')?.addEventListener('submit', () => seen.push('submit'));
      document.querySelector('otp-verify')?.addEventListener('invalid', () => seen.push('invalid'));
    });
    await checkout.codeInput.pressSequentially('123');
    await checkout.codeInput.press('Enter');
    await expect(checkout.alert).toHaveText('Enter the 6-digit code.');
    expect(
      await page.evaluate(() => (window as unknown as { checkoutFormEvents: string[] }).checkoutFormEvents),
    ).toEqual([]);
    await expect(page).toHaveURL(/\/checkout\/acme$/);
    expect(await submittedToken(page)).toBeNull();
  });
});

test.describe('WebOTP', () => {
  test.beforeEach(async ({ page }) => {
    // Chromium has WebOTP only on Android; this stands in for the browser's SMS retriever.
    await page.addInitScript(() => {
      const pending: {
        resolve: (credential: Credential | null) => void;
        reject: (error: DOMException) => void;
        signal: AbortSignal;
      }[] = [];
      const otpCredential = (code: string) => ({ id: 'otp', type: 'otp', code }) as unknown as Credential;
      Object.assign(window, {
        // WebOtp checks for the interface by name.
        OTPCredential: function OTPCredential() {},
        webOtpRequests: pending,
        deliverSms: (code: string) => pending.find((request) => !request.signal.aborted)?.resolve(otpCredential(code)),
        // The customer taps "Deny" on the browser's prompt.
        declineSms: () => pending.at(-1)?.reject(new DOMException('declined', 'NotAllowedError')),
      });
      navigator.credentials.get = (options?: CredentialRequestOptions) =>
        new Promise((resolve, reject) => {
          const signal = options?.signal ?? new AbortController().signal;
          pending.push({ resolve, reject, signal });
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
    });
  });

  test('the code the browser reads from the SMS is checked without typing', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    const phone = await checkout.openAtCodeStep();
    const code = await stack.codeSentTo(phone.e164);
    await page.evaluate((otp) => (window as unknown as { deliverSms(code: string): void }).deliverSms(otp), code);
    await checkout.expectVerified();
  });

  test('the request is made once for the code step and aborted when the step changes', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.openAtCodeStep();
    const requests = () =>
      page.evaluate(() =>
        (window as unknown as { webOtpRequests: { signal: AbortSignal }[] }).webOtpRequests.map(
          (request) => request.signal.aborted,
        ),
      );
    expect(await requests()).toEqual([false]);
    await page.getByRole('button', { name: 'Change number' }).click();
    await expect(page.getByRole('textbox', { name: 'Mobile number' })).toBeFocused();
    expect(await requests()).toEqual([true]);
  });

  test('a customer who declines is not asked again while the code step stays open', async ({ page, stack }) => {
    const checkout = new CheckoutPage(page, stack, 'acme');
    await checkout.openAtCodeStep();
    const requestCount = () =>
      page.evaluate(() => (window as unknown as { webOtpRequests: unknown[] }).webOtpRequests.length);
    expect(await requestCount()).toBe(1);
    await page.evaluate(() => (window as unknown as { declineSms(): void }).declineSms());
    // The resend countdown re-renders the element every second; none of those renders may ask again.
    const countdown = checkout.element.getByText(/^New code in \d+ s$/);
    const before = await countdown.textContent();
    await expect(countdown).not.toHaveText(before ?? '', { timeout: 3_000 });
    await checkout.codeInput.pressSequentially('12');
    expect(await requestCount()).toBe(1);
  });
});
