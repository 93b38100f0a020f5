import type { BrandSettings } from '@otp-verify/protocol';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/locales/index.js';
import { createText } from '../src/i18n/text.js';

const english = createText('en');
const PHONE = '••• 67';

describe('createText in English', () => {
  it('has the members the element renders, and failure', () => {
    expect(Object.keys(english).sort()).toEqual(
      [
        'legend',
        'intro',
        'loading',
        'country',
        'countryOption',
        'noMatchingCountry',
        'phone',
        'phoneHint',
        'sendCode',
        'registered',
        'usePhone',
        'codeLabel',
        'codeHint',
        'verify',
        'resend',
        'resendIn',
        'resendAvailable',
        'sendsLeft',
        'changeNumber',
        'startAgain',
        'tryAgain',
        'codeSent',
        'newCodeSent',
        'verified',
        'verifiedHint',
        'valueMissing',
        'failure',
      ].sort(),
    );
  });

  it('reads as the element has always read', () => {
    expect(english).toMatchObject({
      legend: 'Verify your phone number',
      loading: 'Loading phone verification…',
      country: 'Country',
      noMatchingCountry: 'No matching country',
      phone: 'Mobile number',
      phoneHint: 'We only use it to send you the code.',
      sendCode: 'Send code',
      usePhone: 'Use a different number',
      codeHint: 'Check your text messages. The code can take a minute to arrive.',
      verify: 'Verify',
      resend: 'Send a new code',
      changeNumber: 'Change number',
      startAgain: 'Start again',
      tryAgain: 'Try again',
      verified: 'Phone verified',
      verifiedHint: 'You can now place your order.',
      valueMissing: 'Verify your phone number to place the order',
    });
    expect(english.intro('Acme Mobile')).toBe('Acme Mobile will text you a code to confirm this order.');
    expect(english.countryOption('Germany', '49')).toBe('Germany (+49)');
    expect(english.registered(PHONE)).toBe('We’ll text a code to your registered number ••• 67.');
    expect(english.registered('')).toBe('We’ll text a code to your registered number.');
    expect(english.codeLabel(6, PHONE)).toBe('Enter the 6-digit code we sent to ••• 67');
    expect(english.resendIn(30)).toBe('New code in 30 s');
    expect([0, 1, 2].map(english.sendsLeft)).toEqual(['No new codes left.', '1 new code left.', '2 new codes left.']);
    expect(english.codeSent(PHONE)).toBe('Code sent to ••• 67.');
    expect([0, 1, 4].map((left) => english.newCodeSent(PHONE, left))).toEqual([
      'New code sent to ••• 67. 0 new codes left.',
      'New code sent to ••• 67. 1 new code left.',
      'New code sent to ••• 67. 4 new codes left.',
    ]);
  });

  // [failure, message when the element can start again, message when only a reload helps]
  const FAILURES: [string, Record<string, number>, string, string?][] = [
    ['network_error', {}, 'Could not reach the verification service. Check your connection and try again.'],
    ['not_configured', {}, 'Phone verification is not set up correctly on this page. Please contact the shop.'],
    ['origin_not_allowed', {}, 'Phone verification is not set up correctly on this page. Please contact the shop.'],
    ['unknown_brand', {}, 'Phone verification is not available for this shop. Please contact the shop.'],
    [
      'guest_checkout_disabled',
      {},
      'This shop only texts codes to the mobile number on your account. Sign in to verify this order.',
    ],
    ['invalid_customer_token', {}, 'We couldn’t confirm your sign-in. Sign in again to verify this order.'],
    ['directory_unavailable', {}, 'We can’t reach your account details right now. Try again in a moment.'],
    ['phone_missing', {}, 'Enter your mobile number.'],
    ['invalid_phone', {}, 'Enter a valid mobile number for the country you chose.'],
    [
      'country_not_allowed',
      {},
      'We can’t send codes to numbers in this country. Use a number from one of the listed countries.',
    ],
    ['blocked', {}, 'We can’t verify this order by phone. Please contact the shop.'],
    ['delivery_unavailable', {}, 'We couldn’t send the code right now. Try again in a few minutes.'],
    ['rate_limited', {}, 'Too many attempts. Try again later.'],
    ['rate_limited', { retryAfter: 0 }, 'Too many attempts. Try again later.'],
    ['rate_limited', { retryAfter: 1 }, 'Too many attempts. Try again in 1 second.'],
    ['rate_limited', { retryAfter: 59 }, 'Too many attempts. Try again in 59 seconds.'],
    ['rate_limited', { retryAfter: 60 }, 'Too many attempts. Try again in 1 minute.'],
    ['rate_limited', { retryAfter: 61 }, 'Too many attempts. Try again in 2 minutes.'],
    ['code_incomplete', {}, 'Enter the 8-digit code.'],
    ['invalid_code', {}, 'Wrong code. Try again.'],
    ['invalid_code', { attemptsLeft: 4 }, 'Wrong code. 4 attempts left.'],
    ['invalid_code', { attemptsLeft: 1 }, 'Wrong code. 1 attempt left.'],
    [
      'invalid_code',
      { attemptsLeft: 0 },
      'Wrong code and no attempts left. Start again to get a new code.',
      'Wrong code and no attempts left. Reload the page to get a new code.',
    ],
    [
      'locked',
      {},
      'Too many wrong codes. Start again to get a new code.',
      'Too many wrong codes. Reload the page to get a new code.',
    ],
    ['expired', {}, 'This code has expired. Send a new code.'],
    [
      'session_expired',
      {},
      'This code has expired. Start again to get a new code.',
      'This code has expired. Reload the page to get a new code.',
    ],
    [
      'session_closed',
      {},
      'This verification has ended. Start again.',
      'This verification has ended. Reload the page.',
    ],
    [
      'session_not_found',
      {},
      'This verification has ended. Start again.',
      'This verification has ended. Reload the page.',
    ],
    [
      'invalid_client_secret',
      {},
      'This verification has ended. Start again.',
      'This verification has ended. Reload the page.',
    ],
    [
      'token_expired',
      {},
      'Your verification expired before the order was placed. Verify your phone number again.',
      'Your verification expired before the order was placed. Reload the page to verify again.',
    ],
    ['internal_error', {}, 'Something went wrong on our side. Try again in a moment.'],
    ['some_future_code', {}, 'Something went wrong. Try again.'],
    ['constructor', {}, 'Something went wrong. Try again.'],
  ];

  it.each(FAILURES)('explains %s %j', (code, details, startAgain, reload = startAgain) => {
    expect(english.failure({ code, ...details }, 8)).toBe(startAgain);
    expect(english.failure({ code, ...details }, 8, true)).toBe(startAgain);
    expect(english.failure({ code, ...details }, 8, false)).toBe(reload);
  });
});

describe('createText in another locale', () => {
  const german = createText('de', catalogs.de);

  it('speaks the catalog’s language, with its numbers and waits', () => {
    expect(german.sendCode).toBe('Code senden');
    expect(german.failure({ code: 'invalid_code', attemptsLeft: 1 }, 6)).toBe('Falscher Code. Noch 1 Versuch.');
    expect(german.failure({ code: 'rate_limited', retryAfter: 300 }, 6)).toBe(
      'Zu viele Versuche. Versuchen Sie es in 5 Minuten erneut.',
    );
    expect(german.failure({ code: 'locked' }, 6, false)).toBe(
      'Zu viele falsche Codes. Laden Sie die Seite neu, um einen neuen Code zu erhalten.',
    );
  });

  it('counts in Polish and Arabic', () => {
    expect(createText('pl', catalogs.pl).newCodeSent(PHONE, 3)).toBe(
      'Nowy kod wysłany na numer ••• 67. Możesz jeszcze otrzymać 3 nowe kody.',
    );
    expect(createText('ar', catalogs.ar).sendsLeft(2)).toBe('يمكنك طلب رمزين جديدين آخرين.');
  });

  it('takes the locale and messages of brand settings as the verifier serves them', () => {
    const served: Pick<BrandSettings, 'locale' | 'messages'> = { locale: 'ar', messages: { ...catalogs.ar } };
    expect(createText(served.locale, served.messages).codeSent(PHONE)).toBe('أُرسل الرمز إلى \u2066••• 67\u2069.');
  });

  it('layers a brand’s overrides over English: missing keys read in English', () => {
    const branded = createText('en', {
      sendCode: 'Text me a code',
      wrongCodeAttemptsLeft: { one: 'Not quite. {count} try left.', other: 'Not quite. {count} tries left.' },
    });
    expect(branded.sendCode).toBe('Text me a code');
    expect(branded.failure({ code: 'invalid_code', attemptsLeft: 2 }, 6)).toBe('Not quite. 2 tries left.');
    expect(branded.verify).toBe('Verify');
    expect(branded.failure({ code: 'locked' }, 6)).toBe('Too many wrong codes. Start again to get a new code.');
  });
});
