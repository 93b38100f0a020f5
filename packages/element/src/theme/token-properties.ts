import { TOKEN_DEFAULTS } from './tokens.js';

/** The element's own name for a token, the one its rules read: `--otp-radius` -> `--_radius`. */
export const internalName = (token: string): string => token.replace('--otp-', '--_');

/**
 * `color-scheme` is not carried by a variable: `color-scheme: var(--otp-color-scheme)` on the host, with no
 * fallback, is invalid when the token is unset, so the host inherits the page's scheme.
 */
const SET_DIRECTLY = '--otp-color-scheme';

/**
 * The host's custom properties, `[--_x, var(--otp-x, <default>)]` for each token, with the defaults' own
 * `var(--otp-…)` rewritten to the internal names: a token the theme leaves unset falls back to its default,
 * which is built from the tier above as the theme (or the default) set it. The theme check models the host
 * with the same function.
 */
export function hostProperties(defaults: Readonly<Record<string, string>>): [name: string, value: string][] {
  return Object.entries(defaults)
    .filter(([token]) => token !== SET_DIRECTLY)
    .map(([token, fallback]) => [
      internalName(token),
      `var(${token}, ${fallback.replaceAll('var(--otp-', 'var(--_')})`,
    ]);
}

const declarations = (properties: [string, string][]): string =>
  properties.map(([name, value]) => `${name}: ${value};`).join('\n');

export const tokenProperties: string = declarations(hostProperties(TOKEN_DEFAULTS));

const LIGHT_DARK = /light-dark\(\s*([^,()]+?)\s*,\s*[^,()]+?\s*\)/g;

/**
 * For browsers without `light-dark()` (Safari before 17.5): the light defaults. Without them every colour built
 * from a default would be invalid there, and fields, buttons and the focus ring would lose their colours.
 */
export const lightOnlyTokenProperties: string = declarations(
  hostProperties(
    Object.fromEntries(
      Object.entries(TOKEN_DEFAULTS)
        .filter(([, fallback]) => fallback.includes('light-dark('))
        .map(([token, fallback]) => [token, fallback.replace(LIGHT_DARK, '$1')]),
    ),
  ),
);
