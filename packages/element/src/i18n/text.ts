import type { Failure } from '../api/failure.js';
import type { MessageKey, Messages } from './catalog.js';
import type { Values } from './format.js';
import { formatMessage, formatRetryIn } from './format.js';
import { en } from './locales/en.js';

/** Failures whose way forward is a new session: the element starts one, or, when it cannot, a page reload. */
type NewSessionFailure = 'wrongCodeNoAttempts' | 'locked' | 'sessionExpired' | 'sessionEnded' | 'tokenExpired';

/**
 * The element's text in `locale`: `messages` (a catalog from the verifier, or a brand's overrides) layered over
 * English, so a missing key falls back to the English message.
 */
export function createText(locale: string, messages: Messages = {}) {
  const catalog = { ...en, ...messages };
  const say = (key: MessageKey, values?: Values) => formatMessage(locale, catalog[key], values);
  return {
    legend: say('legend'),
    intro: (brand: string) => say('intro', { brand }),
    loading: say('loading'),
    country: say('country'),
    countryOption: (country: string, callingCode: string) => say('countryOption', { country, callingCode }),
    noMatchingCountry: say('noMatchingCountry'),
    phone: say('phone'),
    phoneHint: say('phoneHint'),
    sendCode: say('sendCode'),
    registered: (phoneMasked: string) =>
      phoneMasked ? say('registeredNumber', { phone: phoneMasked }) : say('registeredNumberHidden'),
    usePhone: say('usePhone'),
    codeLabel: (length: number, phoneMasked: string) => say('codeLabel', { length, phone: phoneMasked }),
    codeHint: say('codeHint'),
    verify: say('verify'),
    resend: say('resend'),
    resendIn: (seconds: number) => say('resendIn', { seconds }),
    resendAvailable: say('resendAvailable'),
    sendsLeft: (count: number) => (count === 0 ? say('noSendsLeft') : say('sendsLeft', { count })),
    changeNumber: say('changeNumber'),
    startAgain: say('startAgain'),
    tryAgain: say('tryAgain'),
    codeSent: (phoneMasked: string) => say('codeSent', { phone: phoneMasked }),
    newCodeSent: (phoneMasked: string, sendsLeft: number) =>
      say('newCodeSent', { phone: phoneMasked, count: sendsLeft }),
    verified: say('verified'),
    verifiedHint: say('verifiedHint'),
    valueMissing: say('valueMissing'),

    /**
     * A clear message with a way forward for each failure. `canStartAgain` is false for a session the checkout
     * server made: the element cannot make a new one, a reload of the page can.
     */
    failure(failure: Failure, codeLength: number, canStartAgain = true): string {
      const newSession = (kind: NewSessionFailure) => say(`${kind}${canStartAgain ? 'StartAgain' : 'Reload'}`);
      switch (failure.code) {
        case 'network_error':
          return say('networkError');
        case 'not_configured':
        case 'origin_not_allowed':
          return say('notConfigured');
        case 'unknown_brand':
          return say('unknownBrand');
        case 'guest_checkout_disabled':
          return say('guestCheckoutDisabled');
        case 'invalid_customer_token':
          return say('invalidCustomerToken');
        case 'directory_unavailable':
          return say('directoryUnavailable');
        case 'phone_missing':
          return say('phoneMissing');
        case 'invalid_phone':
          return say('invalidPhone');
        case 'country_not_allowed':
          return say('countryNotAllowed');
        case 'blocked':
          return say('blocked');
        case 'challenge_required':
          return say(failure.challenge === 'captcha' ? 'challengeCaptcha' : 'challengeStepUp');
        case 'delivery_unavailable':
          return say('deliveryUnavailable');
        case 'rate_limited':
          return failure.retryAfter
            ? say('rateLimitedRetryIn', { retryIn: formatRetryIn(locale, failure.retryAfter) })
            : say('rateLimited');
        case 'code_incomplete':
          return say('codeIncomplete', { length: codeLength });
        case 'invalid_code':
          if (failure.attemptsLeft === undefined) return say('wrongCode');
          if (failure.attemptsLeft === 0) return newSession('wrongCodeNoAttempts');
          return say('wrongCodeAttemptsLeft', { count: failure.attemptsLeft });
        case 'locked':
          return newSession('locked');
        case 'expired':
          return say('codeExpired');
        case 'session_expired':
          return newSession('sessionExpired');
        case 'session_closed':
        case 'session_not_found':
        case 'invalid_client_secret':
          return newSession('sessionEnded');
        case 'token_expired':
          return newSession('tokenExpired');
        case 'internal_error':
          return say('internalError');
        default:
          return say('unknownError');
      }
    },
  };
}

export type Text = ReturnType<typeof createText>;
