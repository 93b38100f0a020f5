import { CONTRAST_PAIRS, TOKEN_DEFAULTS, TOKEN_DOCS } from '@otp-verify/element/tokens';
import type { TokenSet } from './token-set.js';

/** The element's published token set: what real themes are checked against. */
export const ELEMENT_TOKEN_SET: TokenSet = {
  defaults: TOKEN_DEFAULTS,
  required: Object.entries(TOKEN_DOCS)
    .filter(([, doc]) => doc.required)
    .map(([name]) => name),
  pairs: CONTRAST_PAIRS,
};
