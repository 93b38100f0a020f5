import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { Activity, Alert, User } from '../api-types.js';
import { clock, country, label } from '../format.js';
import { LiveFeed } from '../live-feed.js';
import type { Connection } from '../live-feed.js';
import type { Route } from '../route.js';
import { LightElement } from './light-element.js';
import './filter-bar.js';

/** How many events and alerts the page keeps: the newest, so a busy platform does not fill the memory. */
const KEPT_ACTIVITY = 100;
const KEPT_ALERTS = 20;

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
};

/** What happens now, over Server-Sent Events: sessions' activity and alerts, newest first. */
export class LivePage extends LightElement {
  static override properties: PropertyDeclarations = {
    route: { attribute: false },
    user: { attribute: false },
    activity: { state: true },
    alerts: { state: true },
    connection: { state: true },
  };

  declare route: Route;
  declare user: User;
  declare activity: Activity[];
  declare alerts: Alert[];
  declare connection: Connection;
  private feed: LiveFeed | undefined;

  constructor() {
    super();
    this.activity = [];
    this.alerts = [];
    this.connection = 'connecting';
  }

  override disconnectedCallback(): void {
    this.feed?.close();
    this.feed = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const brandChanged = changed.has('route') && changed.get('route')?.brand !== this.route.brand;
    if (this.feed && !brandChanged) return;
    this.feed?.close();
    this.activity = [];
    this.alerts = [];
    this.feed = new LiveFeed(this.route.brand, {
      activity: (item) => (this.activity = [item, ...this.activity].slice(0, KEPT_ACTIVITY)),
      alert: (alert) => (this.alerts = [alert, ...this.alerts].slice(0, KEPT_ALERTS)),
      reset: () => (this.activity = []),
      connection: (state) => (this.connection = state),
    });
    this.feed.open();
  }

  override render() {
    return html`
      <main id="main">
        <div class="section-head">
          <h1 tabindex="-1">Live</h1>
          <p class="connection" data-state=${this.connection} role="status">
            <span class="dot" aria-hidden="true"></span>${CONNECTION_TEXT[this.connection]}
          </p>
        </div>
        <filter-bar .route=${this.route} .user=${this.user}></filter-bar>
        <div class="live-columns">
          <section aria-labelledby="live-alerts-heading" class="card">
            <h2 id="live-alerts-heading">Alerts</h2>
            ${
              this.alerts.length === 0
                ? html`<p class="quiet">No alert since you opened this page.</p>`
                : html`<ol class="alert-list" aria-live="assertive">
                    ${this.alerts.map(
                      (alert) => html`
                        <li class="alert" data-severity=${alert.severity}>
                          <p>
                            <strong>${alert.title}</strong>
                            <span class="quiet">${alert.brand}, ${clock(alert.at)}</span>
                          </p>
                          <p>${alert.detail}</p>
                        </li>
                      `,
                    )}
                  </ol>`
            }
          </section>
          <section aria-labelledby="activity-heading" class="card">
            <h2 id="activity-heading">Activity</h2>
            ${this.activity.length === 0 ? html`<p class="quiet">Waiting for the next event…</p>` : nothing}
            <ol class="activity" aria-label="Latest events, newest first">
              ${this.activity.map(
                (item) => html`
                  <li class="activity-item" data-type=${item.type}>
                    <time datetime=${new Date(item.at).toISOString()}>${clock(item.at)}</time>
                    <span class="activity-type">${label(item.type)}</span>
                    <span class="activity-detail">${activityDetail(item)}</span>
                  </li>
                `,
              )}
            </ol>
          </section>
        </div>
      </main>
    `;
  }
}

/** "acme · Germany (DE) · order accepted · session 3f2a…", leaving out what the event does not have. */
function activityDetail(item: Activity): string {
  return [
    item.brand,
    item.country ? country(item.country) : '',
    item.outcome ? label(item.outcome).toLowerCase() : '',
    item.reason ? label(item.reason).toLowerCase() : '',
    item.sessionId ? `session ${item.sessionId.slice(0, 8)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

customElements.define('live-page', LivePage);

declare global {
  interface HTMLElementTagNameMap {
    'live-page': LivePage;
  }
}
