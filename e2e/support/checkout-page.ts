import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { DemoStack } from './fixtures.js';

/** The element's words a test finds its controls by, in the language the checkout shows it in. */
export interface ElementWords {
  phone: string;
  sendCode: string;
  codeLabel: RegExp;
  verified: string;
}

export const ENGLISH: ElementWords = {
  phone: 'Mobile number',
  sendCode: 'Send code',
  codeLabel: /^Enter the \d+-digit code/,
  verified: 'Phone verified',
};

/** A customer on a brand's checkout page, driving the element the way a person would. */
export class CheckoutPage {
  constructor(
    readonly page: Page,
    private readonly stack: DemoStack,
    readonly brand: string,
    readonly words: ElementWords = ENGLISH,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.stack.shopUrl}/checkout/${this.brand}`);
    await expect(this.page.getByRole('textbox', { name: this.words.phone })).toBeVisible();
  }

  get element() {
    return this.page.locator('otp-verify');
  }

  get codeInput() {
    return this.page.getByRole('textbox', { name: this.words.codeLabel });
  }

  get alert() {
    return this.element.getByRole('alert');
  }

  get outcome() {
    return this.page.getByTestId('order-outcome');
  }

  async requestCode(nationalNumber: string): Promise<void> {
    await this.page.getByRole('textbox', { name: this.words.phone }).fill(nationalNumber);
    await this.page.getByRole('button', { name: this.words.sendCode }).click();
    await expect(this.codeInput).toBeFocused();
  }

  /** Opens the checkout and asks for a code to a fresh number of the brand's default country; returns it. */
  async openAtCodeStep(): Promise<{ e164: string; national: string }> {
    const phone = this.stack.uniquePhone(this.brand === 'nova' ? 'GB' : 'DE');
    await this.open();
    await this.requestCode(phone.national);
    return phone;
  }

  /**
   * Types a wrong code five times, one at a time (while a code is checked the field is read-only and drops keys),
   * reading "Wrong code. N attempts left." after each of the first four; `code` is the right one, to avoid.
   */
  async typeWrongCodesUntilLocked(code: string): Promise<void> {
    const wrong = code === '0'.repeat(code.length) ? '1'.repeat(code.length) : '0'.repeat(code.length);
    for (let left = 4; left >= 1; left -= 1) {
      await this.typeCode(wrong);
      await expect(this.alert).toHaveText(`Wrong code. ${left} attempt${left === 1 ? '' : 's'} left.`);
    }
    await this.typeCode(wrong);
  }

  /** Types the code digit by digit, as a person would; the element submits it when complete. */
  async typeCode(code: string): Promise<void> {
    await this.codeInput.pressSequentially(code);
  }

  async expectVerified(): Promise<void> {
    await expect(this.element.getByText(this.words.verified)).toBeVisible();
  }

  /** Phone, code from the dev inbox, verified. Returns the code. */
  async verify(phone: { e164: string; national: string }): Promise<string> {
    await this.requestCode(phone.national);
    const code = await this.stack.codeSentTo(phone.e164);
    await this.typeCode(code);
    await this.expectVerified();
    return code;
  }

  async placeOrder(): Promise<void> {
    await this.page.getByRole('button', { name: 'Place order' }).click();
  }

  cartId(): Promise<string> {
    return this.page.locator('form#checkout input[name="cartId"]').inputValue();
  }
}
