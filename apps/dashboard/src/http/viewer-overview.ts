import type { Figures, Overview } from '@otp-verify/verifier/analytics';
import type { Operator } from '../auth/operators.js';

/** The overview as a viewer may see it: the market withheld (null) when it would reveal other brands. */
export type ViewerOverview = Omit<Overview, 'market'> & { market: Figures | null };

/** Fewer other brands than this in the market's figures, and an analyst could read a competitor's off them. */
export const MIN_OTHER_BRANDS_IN_MARKET = 3;

/**
 * An analyst sees the market only when at least 3 other brands had sessions in it (same period and country): with
 * one or two, the market minus their own figures is a competitor's. An operator sees every brand anyway.
 */
export function viewerOverview(user: Operator, overview: Overview): ViewerOverview {
  if (user.role === 'operator') return overview;
  const ownCounts = overview.figures.funnel.created > 0 ? 1 : 0;
  const others = overview.marketBrands - ownCounts;
  return others >= MIN_OTHER_BRANDS_IN_MARKET ? overview : { ...overview, market: null };
}
