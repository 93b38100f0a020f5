import type { LiveEvent } from '@otp-verify/verifier/analytics';

/** What the live stream shows of an event: ids, type, brand and coarse facts; never personal data. */
export interface Activity {
  id: number;
  at: number;
  type: string;
  brand: string;
  sessionId: string | null;
  country?: string;
  outcome?: string;
  reason?: string;
}

const COUNTRY = /^[A-Z]{2}$/;
const WORD = /^[a-z][a-z0-9_.:-]{0,63}$/;

/**
 * Copies only fields of a known, harmless shape: the stored data also holds a number's prefix and whatever a
 * future event carries.
 */
export function toActivity(event: LiveEvent): Activity {
  const { outcome, reason } = event.data;
  return {
    id: event.id,
    at: event.at,
    type: event.type,
    brand: event.brand,
    sessionId: event.sessionId,
    ...(COUNTRY.test(event.country) ? { country: event.country } : {}),
    ...(typeof outcome === 'string' && WORD.test(outcome) ? { outcome } : {}),
    ...(typeof reason === 'string' && WORD.test(reason) ? { reason } : {}),
  };
}
