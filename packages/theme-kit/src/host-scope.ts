import type { Variables } from './resolve.js';

const TOKEN_PREFIX = '--otp-';
const INTERNAL_PREFIX = '--_';
/** Set as `color-scheme: var(--otp-color-scheme)`, not carried by an internal property. */
const SET_DIRECTLY = '--otp-color-scheme';

/** The property the element's rules read for a token: `--otp-radius` -> `--_radius`. */
export const paintedProperty = (token: string): string => token.replace(TOKEN_PREFIX, INTERNAL_PREFIX);

/**
 * The custom properties on the `otp-verify` host as the browser sees them: the page's (inherited), the theme's
 * tokens, and the element's own `--_x: var(--otp-x, <default>)`, whose defaults read the internal names
 * (mirrors packages/element/src/theme/token-properties.ts). The page sets no `--otp-*`, so a theme value
 * referring to a token the theme does not set is invalid, and the element falls back to the default.
 */
export function hostScope(
  defaults: Readonly<Record<string, string>>,
  tokens: Variables,
  pageVariables: Variables,
): Variables {
  const internal = Object.entries(defaults)
    .filter(([token]) => token !== SET_DIRECTLY)
    .map(([token, fallback]): [string, string] => [
      paintedProperty(token),
      `var(${token}, ${fallback.replaceAll(`var(${TOKEN_PREFIX}`, `var(${INTERNAL_PREFIX}`)})`,
    ]);
  return new Map([...pageVariables, ...tokens, ...internal]);
}
