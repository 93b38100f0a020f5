/** A run of 6 or more digits, however spaced: a code (6 to 10 digits) or a phone number a provider echoed. */
const LONG_DIGIT_RUN = /\d(?:[ ./-]?\d){5,}/g;
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A provider's words about a failure, fit for the message's record, the event log, the logs and the operator's
 * terminal: one line, no control characters (no terminal escapes), no run of digits long enough to be a code or
 * a number, whatever the provider echoed.
 */
export function safeReason(text: string): string {
  return text.replace(CONTROL, ' ').replace(LONG_DIGIT_RUN, '[digits]').slice(0, 300);
}
