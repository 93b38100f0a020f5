import type { PriceTable } from './risk-services-schema.js';

/** What a message costs when platform.json sets no `prices`: list prices of an SMS segment in 2026, in euros. */
// `satisfies` keeps the literal type: its `default` price is known to be there, as the dashboard's analytics need.
export const DEFAULT_PRICES = {
  currency: 'EUR',
  smsSegment: {
    default: 0.08,
    DE: 0.075,
    AT: 0.07,
    CH: 0.065,
    FR: 0.068,
    NL: 0.09,
    BE: 0.085,
    IT: 0.072,
    ES: 0.055,
    PL: 0.035,
    GB: 0.04,
    US: 0.009,
    TR: 0.03,
  },
  email: 0.0005,
} satisfies PriceTable;
