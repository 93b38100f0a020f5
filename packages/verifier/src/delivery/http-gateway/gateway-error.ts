import { DeliveryFailure } from '../provider.js';

/**
 * A gateway did not accept a message; the message says why without the phone number or a secret. `rejected`
 * when the gateway refused the message itself (see `isRejectedStatus`).
 */
export class HttpGatewayError extends DeliveryFailure {
  override name = 'HttpGatewayError';
}

const MAX_QUOTED = 160;
/** A run of 7 or more digits, however spaced: what a phone number looks like in a gateway's text. */
const DIGIT_RUN = /\+?\d(?:[ ./-]?\d){6,}/g;

/**
 * Gateway-supplied text fit to quote in an error: shortened, on one line, with the phone number (in any
 * spelling of its digits) and the secrets replaced, since gateways like to echo what they were sent.
 */
export function redacted(text: string, phone: string, secrets: readonly string[]): string {
  let quoted = oneLine(text).slice(0, MAX_QUOTED * 2);
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) quoted = quoted.split(secret).join('[secret]');
  const digits = phone.replace(/\D/g, '');
  // The national part (without the country code) is enough to recognise a number.
  const nationalTail = digits.slice(-9);
  quoted = quoted.replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').includes(nationalTail) ? '[phone]' : run));
  return shortened(quoted);
}

/** Gateway text where the phone number is not known (a receipt's reason): every long run of digits replaced. */
export function withoutNumbers(text: string): string {
  return shortened(oneLine(text).replace(DIGIT_RUN, '[phone]'));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function shortened(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}
