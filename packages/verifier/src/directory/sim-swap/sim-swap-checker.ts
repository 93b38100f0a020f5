import type { SimSwapFact } from '../../domain/risk/risk-decision.js';

/**
 * Whether a number's SIM changed recently, as the GSMA CAMARA SIM Swap API answers it (`check` with `maxAge` in
 * hours). Never throws: a service that cannot answer in time, or answers nonsense, is `unavailable`, and the
 * brand's policy decides what that means.
 */
export interface SimSwapChecker {
  check(phoneE164: string, maxAgeHours: number): Promise<Exclude<SimSwapFact, 'not_checked'>>;
}
