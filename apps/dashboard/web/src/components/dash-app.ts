import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { DashboardApi } from '../api.js';
import type { Me } from '../api-types.js';
import { routeFromSearch, searchOf } from '../route.js';
import type { Route, View } from '../route.js';
import { LightElement } from './light-element.js';
import './alerts-page.js';
import './fraud-page.js';
import './live-page.js';
import './overview-page.js';
import './sign-in-form.js';

const NAV: { view: View; label: string }[] = [
  { view: 'overview', label: 'Overview' },
  { view: 'live', label: 'Live' },
  { view: 'alerts', label: 'Alerts' },
  { view: 'fraud', label: 'Fraud' },
];

/** The page: sign-in, or the signed-in user's views with the route (view and filters) kept in the URL. */
export class DashApp extends LightElement {
  static override properties: PropertyDeclarations = {
    me: { state: true },
    route: { state: true },
  };

  /** undefined while asking the server who is signed in; null when nobody is. */
  declare me: Me | null | undefined;
  declare route: Route;
  private readonly api = new DashboardApi(() => (this.me = null));

  constructor() {
    super();
    this.route = routeFromSearch(location.search);
    this.addEventListener('dash-navigate', (event) => this.go(event.detail));
    this.addEventListener('dash-signed-in', (event) => (this.me = event.detail));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.followHistory);
    this.api.me().then(
      (me) => (this.me = me),
      () => (this.me = null),
    );
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.followHistory);
    super.disconnectedCallback();
  }

  override render() {
    if (this.me === undefined) return html`<p class="loading" role="status">Loading…</p>`;
    if (this.me === null) return html`<sign-in-form .api=${this.api}></sign-in-form>`;
    const { user } = this.me;
    return html`
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="top-bar">
        <p class="product">otp-verify</p>
        <nav aria-label="Views">
          <ul>
            ${NAV.map(
              ({ view, label }) => html`
                <li>
                  <a
                    href=${searchOf({ ...this.route, view }) || '/'}
                    aria-current=${view === this.route.view ? 'page' : nothing}
                    @click=${this.followLink}
                    >${label}</a
                  >
                </li>
              `,
            )}
          </ul>
        </nav>
        <p class="user">
          <span>${user.username}</span>
          <span class="role">${user.role === 'operator' ? 'Operator' : `Analyst, ${user.brand}`}</span>
        </p>
        <button type="button" class="secondary" @click=${this.signOut}>Sign out</button>
      </header>
      ${this.renderView(this.me)}
    `;
  }

  private renderView({ user }: Me) {
    // An analyst sees their own brand whatever a shared link says (the server would refuse another).
    const route = user.role === 'analyst' ? { ...this.route, brand: user.brand } : this.route;
    switch (route.view) {
      case 'live':
        return html`<live-page .route=${route} .user=${user}></live-page>`;
      case 'alerts':
        return html`<alerts-page .api=${this.api} .route=${route} .user=${user}></alerts-page>`;
      case 'fraud':
        return html`<fraud-page .api=${this.api} .route=${route} .user=${user}></fraud-page>`;
      case 'overview':
        return html`<overview-page .api=${this.api} .route=${route} .user=${user}></overview-page>`;
    }
  }

  private go(search: string): void {
    const viewChanged = routeFromSearch(search).view !== this.route.view;
    history.pushState(null, '', search || location.pathname);
    this.route = routeFromSearch(search);
    // A new view is a new page for a screen reader or keyboard user: start them at its heading.
    if (viewChanged) void this.updateComplete.then(() => this.querySelector<HTMLElement>('main h1')?.focus());
  }

  private readonly followHistory = () => (this.route = routeFromSearch(location.search));

  private followLink(event: MouseEvent): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.go(new URL((event.currentTarget as HTMLAnchorElement).href).search);
  }

  private async signOut(): Promise<void> {
    await this.api.signOut().catch(() => undefined);
    this.me = null;
  }
}

customElements.define('dash-app', DashApp);
