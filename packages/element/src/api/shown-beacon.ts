import type { SHOWN_BEACON_PATH, ShownBeaconRequest } from '@otp-verify/protocol';

const PATH: typeof SHOWN_BEACON_PATH = '/v1/beacons/shown';

/**
 * Tells the verifier the element was shown: the funnel's first step. Fire and forget: keepalive so it outlives a
 * page left at once, text/plain so no CORS preflight goes first, no cookies, and any failure ignored (it is only
 * analytics; it never holds up or changes what the customer sees).
 */
export function sendShownBeacon(verifier: string, beacon: ShownBeaconRequest): void {
  try {
    fetch(verifier.replace(/\/+$/, '') + PATH, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      keepalive: true,
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(beacon),
    }).catch(() => undefined);
  } catch {
    // No fetch, or a verifier URL it cannot use: nothing to report to.
  }
}
