import { TOKEN_DEFAULTS } from './tokens.js';
import type { TokenName } from './tokens.js';

/** The element's own name for a token, the one its rules read: `--otp-radius` -> `--_radius`. */
const internalName = (token: TokenName): string => token.replace('--otp-', '--_');

/**
 * `color-scheme` is not carried by a variable: `color-scheme: var(--otp-color-scheme)` on the host, with no
 * fallback, is invalid when the token is unset, so the host inherits the page's scheme.
 */
const SET_DIRECTLY: readonly TokenName[] = ['--otp-color-scheme'];

const hostDeclaration = (token: TokenName, fallback: string): string =>
  `${internalName(token)}: var(${token}, ${fallback.replaceAll('var(--otp-', 'var(--_')});`;

const declaredTokens = (Object.entries(TOKEN_DEFAULTS) as [TokenName, string][]).filter(
  ([token]) => !SET_DIRECTLY.includes(token),
);

/**
 * The host's declarations, `--_x: var(--otp-x, <default>);` for each token, with the defaults' own
 * `var(--otp-…)` rewritten to the internal names: a token the theme leaves unset falls back to its default,
 * which is built from the tier above as the theme (or the default) set it.
 */
export const tokenProperties: string = declaredTokens
  .map(([token, fallback]) => hostDeclaration(token, fallback))
  .join('\n');

const LIGHT_DARK = /light-dark\(\s*([^,()]+?)\s*,\s*[^,()]+?\s*\)/g;

/**
 * For browsers without `light-dark()` (Safari before 17.5): the light defaults. Without them every colour built
 * from a default would be invalid there, and fields, buttons and the focus ring would lose their colours.
 */
export const lightOnlyTokenProperties: string = declaredTokens
  .filter(([, fallback]) => fallback.includes('light-dark('))
  .map(([token, fallback]) => hostDeclaration(token, fallback.replace(LIGHT_DARK, '$1')))
  .join('\n');
