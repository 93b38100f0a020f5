// The public theme tokens for tools (package export "@otp-verify/element/tokens"): names, defaults, tiers,
// descriptions and the colour pairs WCAG AA asks of them.
export { TOKEN_DEFAULTS } from './tokens.js';
export type { TokenName } from './tokens.js';
export { CONTRAST_PAIRS, TOKEN_DOCS } from './token-docs.js';
export type { ContrastPair, TokenDoc, TokenTier } from './token-docs.js';
export { hostProperties, internalName } from './token-properties.js';
