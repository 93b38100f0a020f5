/** A gateway did not accept a message; the message says why without the phone number or a secret. */
export class HttpGatewayError extends Error {
  override name = 'HttpGatewayError';
}

const MAX_QUOTED = 160;

/**
 * Gateway-supplied text fit to quote in an error: shortened, on one line, with the phone number (in any
 * spelling of its digits) and the secrets replaced, since gateways like to echo what they were sent.
 */
export function redacted(text: string, phone: string, secrets: readonly string[]): string {
  let quoted = text.replace(/\s+/g, ' ').slice(0, MAX_QUOTED * 2);
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) quoted = quoted.split(secret).join('[secret]');
  const digits = phone.replace(/\D/g, '');
  // The national part (without the country code) is enough to recognise a number.
  const nationalTail = digits.slice(-9);
  quoted = quoted.replace(/\+?\d(?:[ ./-]?\d){6,}/g, (run) =>
    run.replace(/\D/g, '').includes(nationalTail) ? '[phone]' : run,
  );
  return quoted.length > MAX_QUOTED ? `${quoted.slice(0, MAX_QUOTED)}…` : quoted;
}
