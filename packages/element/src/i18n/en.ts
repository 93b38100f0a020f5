import type { Failure } from '../api/failure.js';

function plural(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}

function wait(seconds: number): string {
  return seconds < 60 ? plural(seconds, 'second', 'seconds') : plural(Math.ceil(seconds / 60), 'minute', 'minutes');
}

/** The element's English text. Every string a customer reads or hears is here. */
export const text = {
  legend: 'Verify your phone number',
  intro: (brand: string) => `${brand} will text you a code to confirm this order.`,
  loading: 'Loading phone verification…',
  country: 'Country',
  countryOption: (name: string, callingCode: string) => `${name} (+${callingCode})`,
  phone: 'Mobile number',
  phoneHint: 'We only use it to send you the code.',
  sendCode: 'Send code',
  registered: (phoneMasked: string) =>
    phoneMasked
      ? `We’ll text a code to your registered number ${phoneMasked}.`
      : 'We’ll text a code to your registered number.',
  usePhone: 'Use a different number',
  codeLabel: (length: number, phoneMasked: string) => `Enter the ${length}-digit code we sent to ${phoneMasked}`,
  codeHint: 'Check your text messages. The code can take a minute to arrive.',
  verify: 'Verify',
  resend: 'Send a new code',
  resendIn: (seconds: number) => `New code in ${seconds} s`,
  sendsLeft: (count: number) =>
    count === 0 ? 'No new codes left.' : `${plural(count, 'new code', 'new codes')} left.`,
  changeNumber: 'Change number',
  startAgain: 'Start again',
  tryAgain: 'Try again',
  codeSent: (phoneMasked: string) => `Code sent to ${phoneMasked}.`,
  newCodeSent: (phoneMasked: string, sendsLeft: number) =>
    `New code sent to ${phoneMasked}. ${plural(sendsLeft, 'new code', 'new codes')} left.`,
  verified: 'Phone verified',
  verifiedHint: 'You can now place your order.',
  valueMissing: 'Verify your phone number to place the order',
};

/**
 * A clear message with a way forward for each failure. `canStartAgain` is false for a session the checkout
 * server made: the element cannot make a new one, a reload of the page can.
 */
export function failureMessage(failure: Failure, codeLength: number, canStartAgain = true): string {
  const again = canStartAgain ? 'Start again' : 'Reload the page';
  switch (failure.code) {
    case 'network_error':
      return 'Could not reach the verification service. Check your connection and try again.';
    case 'not_configured':
    case 'origin_not_allowed':
      return 'Phone verification is not set up correctly on this page. Please contact the shop.';
    case 'unknown_brand':
      return 'Phone verification is not available for this shop. Please contact the shop.';
    case 'guest_checkout_disabled':
      return 'This shop only texts codes to the mobile number on your account. Sign in to verify this order.';
    case 'invalid_customer_token':
      return 'We couldn’t confirm your sign-in. Sign in again to verify this order.';
    case 'directory_unavailable':
      return 'We can’t reach your account details right now. Try again in a moment.';
    case 'phone_missing':
      return 'Enter your mobile number.';
    case 'invalid_phone':
      return 'Enter a valid mobile number for the country you chose.';
    case 'country_not_allowed':
      return 'We can’t send codes to numbers in this country. Use a number from one of the listed countries.';
    case 'blocked':
      return 'We can’t verify this order by phone. Please contact the shop.';
    case 'delivery_unavailable':
      return 'We couldn’t send the code right now. Try again in a few minutes.';
    case 'rate_limited':
      return failure.retryAfter
        ? `Too many attempts. Try again in ${wait(failure.retryAfter)}.`
        : 'Too many attempts. Try again later.';
    case 'code_incomplete':
      return `Enter the ${codeLength}-digit code.`;
    case 'invalid_code':
      if (failure.attemptsLeft === undefined) return 'Wrong code. Try again.';
      if (failure.attemptsLeft === 0) return `Wrong code and no attempts left. ${again} to get a new code.`;
      return `Wrong code. ${plural(failure.attemptsLeft, 'attempt', 'attempts')} left.`;
    case 'locked':
      return `Too many wrong codes. ${again} to get a new code.`;
    case 'expired':
      return 'This code has expired. Send a new code.';
    case 'session_expired':
      return `This code has expired. ${again} to get a new code.`;
    case 'session_closed':
    case 'session_not_found':
    case 'invalid_client_secret':
      return `This verification has ended. ${again}.`;
    case 'token_expired':
      return canStartAgain
        ? 'Your verification expired before the order was placed. Verify your phone number again.'
        : 'Your verification expired before the order was placed. Reload the page to verify again.';
    case 'internal_error':
      return 'Something went wrong on our side. Try again in a moment.';
    default:
      return 'Something went wrong. Try again.';
  }
}
