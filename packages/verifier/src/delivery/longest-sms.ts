import { MAX_ORDER_AMOUNT, minorUnitsFormatter } from '@otp-verify/protocol';
import { boundedMemo } from '../bounded-memo.js';
import type { MessageValues } from './message-values.js';
import { validityText } from './message-values.js';
import { renderSms } from './render-sms.js';
import type { SmsSize } from './sms-size.js';
import { smsSize } from './sms-size.js';

/**
 * The amount an SMS's length is judged with: the largest an order may have, in each currency's own decimals
 * (100,000,000,000.00 EUR, 10,000,000,000,000 JPY, 10,000,000,000.000 BHD). Whoever creates a session picks it.
 */
export const LARGEST_AMOUNT_TEXT = `the largest order amount (${MAX_ORDER_AMOUNT.toLocaleString('en')} minor units)`;

/** What a brand puts into its SMS besides the amount. */
export interface SmsSample {
  brandName: string;
  codeLength: number;
  validitySeconds: number;
  checkoutHost: string;
}

export interface LongestSms {
  text: string;
  size: SmsSize;
  /** The currency whose format of the largest amount made the text longest. */
  currency: string;
  /** The values it was rendered with, for the same message by email. */
  values: MessageValues;
}

interface LargeAmount {
  currency: string;
  amount: string;
  amountWithCode(): string;
}

/** A tag's amounts take a format per currency (~300) to make; tags come from the brands and previews' ?locale=. */
const MAX_CACHED_TAGS = 32;

const largeAmounts = boundedMemo(MAX_CACHED_TAGS, (tag): LargeAmount[] =>
  // A formatter costs 0.1-0.3 ms: the ISO code form is made only for the currencies whose symbol needs it.
  Intl.supportedValuesOf('currency').map((currency) => {
    let withCode: string | undefined;
    return {
      currency,
      amount: minorUnitsFormatter(tag, currency)(MAX_ORDER_AMOUNT),
      amountWithCode: () => (withCode ??= minorUnitsFormatter(tag, currency, 'code')(MAX_ORDER_AMOUNT)),
    };
  }),
);

/** The largest amount in `currency` for an operator to read: "BHD 10,000,000,000.000". */
export function largestAmountIn(currency: string): string {
  return minorUnitsFormatter('en', currency, 'code')(MAX_ORDER_AMOUNT).replace(/\s/gu, ' ');
}

/** A code of that many digits, as wide as any. */
export function sampleCode(length: number): string {
  return Array.from({ length }, (_, index) => String((index + 1) % 10)).join('');
}

/**
 * The template's longest SMS for the sample, written for `tag`: the largest amount in the format of every ISO 4217
 * currency, keeping the one that takes the most segments (then the most units).
 */
export function longestSms(template: string, sample: SmsSample, tag: string): LongestSms {
  const fixed = {
    brand: sample.brandName,
    code: sampleCode(sample.codeLength),
    minutes: validityText(sample.validitySeconds, tag),
  };
  let longest: LongestSms | undefined;
  for (const { currency, amount, amountWithCode } of largeAmounts(tag)) {
    const values = { ...fixed, amount, amountWithCode };
    const text = renderSms(template, values, sample.checkoutHost);
    const size = smsSize(text);
    if (longest === undefined || isLonger(size, longest.size)) longest = { text, size, currency, values };
  }
  return longest as LongestSms;
}

function isLonger(size: SmsSize, than: SmsSize): boolean {
  return size.segments > than.segments || (size.segments === than.segments && size.units > than.units);
}
