import { LitElement } from 'lit';

/**
 * A Lit element that renders into the light DOM: the page's one stylesheet (a file, as a strict CSP wants it)
 * then styles every component, uPlot's chart included, and the browser's autofill sees the sign-in form.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}

/** Asks the app to show another route (the filters changed, a link was followed); `dash-app` listens. */
export function navigate(from: HTMLElement, search: string): void {
  from.dispatchEvent(new CustomEvent('dash-navigate', { detail: search, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'dash-navigate': CustomEvent<string>;
  }
}
