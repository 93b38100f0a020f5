import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** The ISO 3166-1 alpha-2 region of an E.164 number, for the analytics by country; '' when it has none. */
export function regionOf(e164: string): string {
  return parsePhoneNumberFromString(e164)?.country ?? '';
}

/**
 * The number without its last 4 digits: the operator's range, for alerts on a prefix (SMS pumping targets
 * ranges), which the event log may keep where it may not keep the number.
 */
export function numberPrefix(e164: string): string {
  return e164.slice(0, -4);
}
