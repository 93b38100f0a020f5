import { hostProperties } from '@otp-verify/element/tokens';
import type { Variables } from './resolve.js';

/**
 * The custom properties on the `otp-verify` host as the browser sees them: the page's (inherited), the theme's
 * tokens, and the element's own `--_x: var(--otp-x, <default>)` (the element's `hostProperties`). The page sets
 * no `--otp-*`, so a theme value referring to a token the theme does not set is invalid, and the element falls
 * back to the default.
 */
export function hostScope(
  defaults: Readonly<Record<string, string>>,
  tokens: Variables,
  pageVariables: Variables,
): Variables {
  return new Map([...pageVariables, ...tokens, ...hostProperties(defaults)]);
}
