import type { MessageValues } from './message-values.js';
import { smsSize } from './sms-size.js';
import { fillTemplate } from './templates/variables.js';

/**
 * Typography outside the GSM alphabet with a plain stand-in: Intl's no-break spaces around amounts (de, fr, pl),
 * typographic quotes and apostrophes (French d’un), dashes and the ellipsis.
 */
const GSM_STAND_INS: [RegExp, string][] = [
  [/[\u00a0\u2007\u2009\u202f]/g, ' '],
  [/[\u2018\u2019\u201a\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"'],
  [/[\u2010\u2011\u2013\u2014\u2212]/g, '-'],
  [/\u2026/g, '...'],
];

function withGsmStandIns(text: string): string {
  return GSM_STAND_INS.reduce((result, [pattern, standIn]) => result.replace(pattern, standIn), text);
}

const isGsm = (text: string) => smsSize(text).encoding === 'GSM-7';

/**
 * The SMS body: the template filled in, then the WebOTP line `@<checkout host> #<code>` that lets the browser
 * offer the code on the checkout page (it must be the last line).
 *
 * One character outside the GSM alphabet makes the whole SMS UCS-2: 70 characters a segment instead of 160. So
 * when plain stand-ins for typography, and then the currency's ISO code for a symbol such as ₹ or zł, make the
 * text GSM-7, that text is sent. When the wording itself needs UCS-2 (Polish, Turkish, Arabic), the text goes
 * out as written: typography costs nothing there, and the no-break space keeps amount and currency together.
 */
export function renderSms(template: string, values: MessageValues, checkoutHost: string): string {
  return `${gsmIfPossible(template, values)}\n\n@${checkoutHost} #${values.code}`;
}

function gsmIfPossible(template: string, values: MessageValues): string {
  const asWritten = fillTemplate(template, values);
  if (isGsm(asWritten)) return asWritten;
  const plain = withGsmStandIns(asWritten);
  if (isGsm(plain)) return plain;
  const withCurrencyCode = withGsmStandIns(fillTemplate(template, { ...values, amount: values.amountWithCode() }));
  return isGsm(withCurrencyCode) ? withCurrencyCode : asWritten;
}
