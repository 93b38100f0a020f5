import type { Order } from '@otp-verify/protocol';
import { formatMinorUnits } from '@otp-verify/protocol';

export interface VerificationTextInput {
  brandName: string;
  code: string;
  order: Order;
  locale: string;
  validityMinutes: number;
  checkoutHost: string;
}

/**
 * The SMS text: it names the brand and the amount, so a forwarded code is useless for another order,
 * and ends with the WebOTP line that lets the browser offer the code on the checkout host.
 */
export function verificationText(input: VerificationTextInput): string {
  const amount = formatMinorUnits(input.order.amount, input.order.currency, input.locale);
  return (
    `${input.brandName}: ${input.code} is your code to confirm your order of ${amount}. ` +
    `Valid for ${input.validityMinutes} minutes. Never share it.\n\n` +
    `@${input.checkoutHost} #${input.code}`
  );
}
