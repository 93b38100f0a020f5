import { html } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { DashboardApi } from '../api.js';
import { brandParams } from '../api.js';
import type { Alert, AlertRule, Brand, User } from '../api-types.js';
import { label, number, when } from '../format.js';
import type { Route } from '../route.js';
import { dataTable } from './data-table.js';
import { LightElement } from './light-element.js';
import './filter-bar.js';

/** Recent alerts and the rules in force. */
export class AlertsPage extends LightElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    route: { attribute: false },
    user: { attribute: false },
    alerts: { state: true },
    rules: { state: true },
    brands: { state: true },
    error: { state: true },
  };

  declare api: DashboardApi;
  declare route: Route;
  declare user: User;
  declare alerts: Alert[];
  declare rules: AlertRule[];
  declare brands: Brand[];
  declare error: string;

  constructor() {
    super();
    this.alerts = [];
    this.rules = [];
    this.brands = [];
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.api.brands().then(
      (brands) => (this.brands = brands),
      () => undefined,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route') && changed.get('route')?.brand !== this.route.brand) void this.load();
  }

  override render() {
    const brand = this.route.brand;
    return html`
      <main id="main">
        <h1 tabindex="-1">Alerts</h1>
        <filter-bar .route=${this.route} .user=${this.user} .brands=${this.brands}></filter-bar>
        <p class="error" role="alert">${this.error}</p>
        ${dataTable<Alert>({
          id: 'alerts',
          title: 'Recent alerts',
          csvHref: `/api/export/alerts.csv?${new URLSearchParams(brandParams(brand))}`,
          columns: [
            { header: 'When', cell: (alert) => when(alert.at) },
            { header: 'Severity', cell: (alert) => label(alert.severity) },
            { header: 'Brand', cell: (alert) => alert.brand },
            { header: 'Alert', cell: (alert) => html`<strong>${alert.title}</strong><br />${alert.detail}` },
            { header: 'Value', numeric: true, cell: (alert) => number(alert.value) },
            { header: 'Threshold', numeric: true, cell: (alert) => number(alert.threshold) },
          ],
          rows: this.alerts,
          empty: 'No alerts.',
        })}
        ${dataTable<AlertRule>({
          id: 'alert-rules',
          title: 'Rules in force',
          columns: [
            { header: 'Rule', cell: (rule) => label(rule.kind) },
            { header: 'Brand', cell: (rule) => rule.brand ?? 'Every brand' },
            { header: 'Threshold', numeric: true, cell: (rule) => number(rule.threshold) },
            { header: 'Window', numeric: true, cell: (rule) => `${number(rule.windowMinutes)} min` },
            { header: 'Sent by', cell: (rule) => rule.channels.map(label).join(', ') || 'Shown here only' },
          ],
          rows: this.rules,
          empty: 'No rules.',
        })}
      </main>
    `;
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      [this.alerts, this.rules] = await Promise.all([this.api.alerts(this.route.brand), this.api.alertRules()]);
    } catch (error) {
      this.error = `The alerts could not be loaded: ${(error as Error).message}`;
    }
  }
}

customElements.define('alerts-page', AlertsPage);

declare global {
  interface HTMLElementTagNameMap {
    'alerts-page': AlertsPage;
  }
}
