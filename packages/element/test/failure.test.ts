import { describe, expect, it } from 'vitest';
import { endsSession, failureFromResponse } from '../src/api/failure.js';
import { createText } from '../src/i18n/text.js';

const problem = (code: string, status: number, extra: Record<string, unknown> = {}) => ({
  type: `https://otp-verify.dev/problems/${code}`,
  title: 'Title',
  status,
  code,
  ...extra,
});

describe('failureFromResponse', () => {
  it('reads the code and the extra fields of a problem document', () => {
    expect(failureFromResponse(422, problem('invalid_code', 422, { attemptsLeft: 3 }), null)).toEqual({
      code: 'invalid_code',
      attemptsLeft: 3,
    });
    expect(failureFromResponse(429, problem('rate_limited', 429, { retryAfter: 27 }), '30')).toEqual({
      code: 'rate_limited',
      retryAfter: 27,
    });
  });

  it('takes retryAfter from the Retry-After header when the body lacks it', () => {
    expect(failureFromResponse(429, problem('rate_limited', 429), '12')).toEqual({
      code: 'rate_limited',
      retryAfter: 12,
    });
  });

  it('falls back on the status when the body is not a problem document', () => {
    expect(failureFromResponse(502, '<html>Bad gateway</html>', null)).toEqual({ code: 'internal_error' });
    expect(failureFromResponse(429, null, 'Wed, 21 Oct 2015 07:28:00 GMT')).toEqual({ code: 'rate_limited' });
    expect(failureFromResponse(400, { error: 'bad' }, null)).toEqual({ code: 'invalid_request' });
  });

  it('ignores extra fields that are not counts', () => {
    expect(failureFromResponse(422, problem('invalid_code', 422, { attemptsLeft: '3' }), null)).toEqual({
      code: 'invalid_code',
    });
  });
});

describe('endsSession', () => {
  it('is true when only a new session helps', () => {
    for (const code of ['locked', 'session_closed', 'session_not_found', 'invalid_client_secret', 'session_expired']) {
      expect(endsSession({ code })).toBe(true);
    }
    expect(endsSession({ code: 'invalid_code', attemptsLeft: 0 })).toBe(true);
  });

  it('is false when the customer can try again in the same session', () => {
    for (const code of ['expired', 'rate_limited', 'delivery_unavailable', 'network_error']) {
      expect(endsSession({ code })).toBe(false);
    }
    expect(endsSession({ code: 'invalid_code', attemptsLeft: 2 })).toBe(false);
  });
});

describe('the English failure messages', () => {
  const english = createText('en');

  const message = (code: string, extra: { attemptsLeft?: number; retryAfter?: number } = {}) =>
    english.failure({ code, ...extra }, 6);

  it('says how many attempts are left after a wrong code', () => {
    expect(message('invalid_code', { attemptsLeft: 3 })).toBe('Wrong code. 3 attempts left.');
    expect(message('invalid_code', { attemptsLeft: 1 })).toBe('Wrong code. 1 attempt left.');
    expect(message('invalid_code', { attemptsLeft: 0 })).toMatch(/Start again/);
    expect(message('invalid_code')).toBe('Wrong code. Try again.');
  });

  it('gives a way forward for a locked, expired or closed session', () => {
    expect(message('locked')).toBe('Too many wrong codes. Start again to get a new code.');
    expect(message('expired')).toBe('This code has expired. Send a new code.');
    expect(message('session_closed')).toBe('This verification has ended. Start again.');
  });

  it('says how long to wait when rate limited', () => {
    expect(message('rate_limited', { retryAfter: 30 })).toBe('Too many attempts. Try again in 30 seconds.');
    expect(message('rate_limited', { retryAfter: 1 })).toBe('Too many attempts. Try again in 1 second.');
    expect(message('rate_limited', { retryAfter: 61 })).toBe('Too many attempts. Try again in 2 minutes.');
    expect(message('rate_limited')).toBe('Too many attempts. Try again later.');
  });

  it('explains phone step errors', () => {
    expect(message('invalid_phone')).toBe('Enter a valid mobile number for the country you chose.');
    expect(message('country_not_allowed')).toMatch(/this country/);
    expect(message('phone_missing')).toBe('Enter your mobile number.');
    expect(message('code_incomplete')).toBe('Enter the 6-digit code.');
  });

  it('explains delivery, network and configuration problems', () => {
    expect(message('delivery_unavailable')).toMatch(/couldn’t send the code/);
    expect(message('network_error')).toBe(
      'Could not reach the verification service. Check your connection and try again.',
    );
    expect(message('unknown_brand')).toMatch(/not available for this shop/);
  });

  it('explains registered-number failures', () => {
    expect(message('invalid_customer_token')).toBe(
      'We couldn’t confirm your sign-in. Sign in again to verify this order.',
    );
    expect(message('directory_unavailable')).toBe(
      'We can’t reach your account details right now. Try again in a moment.',
    );
    expect(message('guest_checkout_disabled')).toBe(
      'This shop only texts codes to the mobile number on your account. Sign in to verify this order.',
    );
  });

  it('says to reload the page when the element cannot start a new session itself', () => {
    const reload = (code: string, extra: { attemptsLeft?: number } = {}) =>
      english.failure({ code, ...extra }, 6, false);
    expect(reload('locked')).toBe('Too many wrong codes. Reload the page to get a new code.');
    expect(reload('session_expired')).toBe('This code has expired. Reload the page to get a new code.');
    expect(reload('session_closed')).toBe('This verification has ended. Reload the page.');
    expect(reload('invalid_code', { attemptsLeft: 0 })).toMatch(/Reload the page/);
    expect(reload('token_expired')).toMatch(/Reload the page/);
    expect(message('session_expired')).toBe('This code has expired. Start again to get a new code.');
  });

  it('has a generic message for codes a newer verifier may add', () => {
    expect(message('some_future_code')).toBe('Something went wrong. Try again.');
  });
});
