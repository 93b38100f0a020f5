import { formatMinorUnits } from '@otp-verify/protocol';
import { boundedMemo } from '../bounded-memo.js';
import type { TemplateValues } from './templates/variables.js';

/** What a message is rendered from. */
export interface MessageInput {
  brandName: string;
  order: { amount: number; currency: string };
  /** The BCP 47 tag the amount and the validity are written for (config/brand-locales.ts messageLocale). */
  tag: string;
  validitySeconds: number;
  code: string;
}

/** The variables' values, and the amount with the currency's ISO code instead of its symbol (render-sms.ts). */
export interface MessageValues extends TemplateValues {
  amountWithCode(): string;
}

export function messageValues(input: MessageInput): MessageValues {
  const { amount, currency } = input.order;
  return {
    brand: input.brandName,
    amount: formatMinorUnits(amount, currency, input.tag),
    amountWithCode: () => formatMinorUnits(amount, currency, input.tag, 'code'),
    code: input.code,
    minutes: validityText(input.validitySeconds, input.tag),
  };
}

const MAX_CACHED_FORMATS = 64;
const minuteFormat = boundedMemo(
  MAX_CACHED_FORMATS,
  (tag) => new Intl.NumberFormat(tag, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
);

/**
 * The validity in whole minutes, rounded down so the message never promises more time than the code has, in
 * the locale's words and plural forms ("1 minute", "5 minut", "دقيقتان").
 */
export function validityText(validitySeconds: number, tag: string): string {
  return minuteFormat(tag).format(Math.floor(validitySeconds / 60));
}
