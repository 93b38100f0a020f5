import { supportsAdoptingStyleSheets } from 'lit';
import type { CSSResult } from 'lit';

const MARKER = 'data-otp-verify-styles';

/**
 * Adds styles for the element's light-DOM children (the code field, which must live outside the shadow root
 * for autofill and password managers) to the tree they are in: the document, or an enclosing shadow root.
 * Constructed stylesheets need no CSP exception; browsers without them get a <style> carrying the page's
 * nonce (`window.litNonce`), as Lit does for its shadow roots.
 */
export function adoptLightDomStyles(root: Node, styles: CSSResult): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  if (supportsAdoptingStyleSheets && styles.styleSheet) {
    const sheet = styles.styleSheet;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const parent = root instanceof Document ? root.head : root;
  if (parent.querySelector(`style[${MARKER}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(MARKER, '');
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = styles.cssText;
  parent.append(style);
}
