import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { DashboardApi } from '../api.js';
import type { Brand, CountryRow, DeliveryRow, Overview, ReasonRow, SeriesPoint, User } from '../api-types.js';
import { count, country, duration, label, percent } from '../format.js';
import { filterQuery, searchOf } from '../route.js';
import type { Route } from '../route.js';
import { csvLink, dataTable } from './data-table.js';
import { funnelChart } from './funnel-chart.js';
import { kpiTiles } from './kpi-tiles.js';
import { LightElement } from './light-element.js';
import './filter-bar.js';
import './series-chart.js';
import type { ChartLine } from './series-chart.js';

/** The main view: filters, key figures against the market, funnel, time series and tables with CSV export. */
export class OverviewPage extends LightElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    route: { attribute: false },
    user: { attribute: false },
    overview: { state: true },
    brands: { state: true },
    countries: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  declare api: DashboardApi;
  declare route: Route;
  declare user: User;
  declare overview: Overview | undefined;
  declare brands: Brand[];
  declare countries: string[];
  declare error: string;
  declare loading: boolean;
  /** The filter the figures on screen answer: an answer to an older filter arriving late is dropped. */
  private shownFilter: string | undefined;

  constructor() {
    super();
    this.brands = [];
    this.countries = [];
    this.error = '';
    this.loading = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.api.brands().then(
      (brands) => (this.brands = brands),
      () => undefined,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route')) {
      const filter = searchOf({ ...this.route, view: 'overview' });
      if (filter !== this.shownFilter) void this.load(filter);
    }
  }

  override render() {
    const overview = this.overview;
    return html`
      <main id="main" aria-busy=${this.loading ? 'true' : 'false'}>
        <h1 tabindex="-1">Overview</h1>
        <filter-bar
          .route=${this.route}
          .user=${this.user}
          .brands=${this.brands}
          .countries=${this.countries}
          show-period
          show-country
        ></filter-bar>
        <p class="error" role="alert">${this.error}</p>
        <p class="visually-hidden" role="status">${this.loading ? 'Loading the figures…' : ''}</p>
        ${overview ? this.renderFigures(overview) : nothing}
      </main>
    `;
  }

  private renderFigures(overview: Overview) {
    const withBrand = Boolean(overview.filter.brand);
    return html`
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">
          Key figures${withBrand ? html` <span class="beside">${besideMarket(overview)}</span>` : ''}
        </h2>
        ${kpiTiles(overview.figures, withBrand ? overview.market : null)}
      </section>
      <div class="charts">
        <section aria-labelledby="funnel-heading" class="card">
          <div class="section-head">
            <h2 id="funnel-heading">Funnel</h2>
            ${csvLink(this.csvHref('funnel'), 'Funnel')}
          </div>
          ${funnelChart(overview.figures)}
        </section>
        <section aria-labelledby="series-heading" class="card">
          <div class="section-head">
            <h2 id="series-heading">Over time</h2>
            ${csvLink(this.csvHref('series'), 'Over time')}
          </div>
          <series-chart
            .times=${overview.series.map((point) => point.t)}
            .lines=${overviewLines(overview)}
            .granularity=${overview.granularity}
          ></series-chart>
        </section>
      </div>
      ${dataTable({
        id: 'outcomes',
        title: 'Outcomes',
        csvHref: this.csvHref('outcomes'),
        columns: [
          { header: 'Outcome', cell: ([outcome]) => label(outcome) },
          { header: 'Sessions', numeric: true, cell: ([, sessions]) => count(sessions) },
          { header: 'Share', numeric: true, cell: ([, sessions]) => percent(shareOfSessions(overview, sessions)) },
        ],
        rows: [...Object.entries(overview.figures.outcomes), ['open', overview.figures.open] as [string, number]],
      })}
      ${dataTable<ReasonRow>({
        id: 'reasons',
        title: 'Failure reasons',
        csvHref: this.csvHref('reasons'),
        columns: [
          { header: 'Kind', cell: (row) => label(row.kind) },
          { header: 'Reason', cell: (row) => label(row.reason) },
          { header: 'Count', numeric: true, cell: (row) => count(row.count) },
        ],
        rows: overview.reasons,
        empty: 'No failures in this period.',
      })}
      ${dataTable<DeliveryRow>({
        id: 'delivery',
        title: 'Delivery by provider and country',
        csvHref: this.csvHref('delivery'),
        columns: [
          { header: 'Provider', cell: (row) => row.provider },
          { header: 'Channel', cell: (row) => (row.channel === 'sms' ? 'SMS' : 'Email') },
          { header: 'Country', cell: (row) => country(row.country) },
          { header: 'Sent', numeric: true, cell: (row) => count(row.sent) },
          { header: 'Delivered', numeric: true, cell: (row) => count(row.delivered) },
          { header: 'Failed', numeric: true, cell: (row) => count(row.failed) },
          { header: 'Success', numeric: true, cell: (row) => percent(row.successRate) },
          { header: 'Latency p50', numeric: true, cell: (row) => duration(row.latencyMs.p50) },
          { header: 'Latency p90', numeric: true, cell: (row) => duration(row.latencyMs.p90) },
        ],
        rows: overview.delivery,
      })}
      ${dataTable<CountryRow>({
        id: 'countries',
        title: 'Countries',
        csvHref: this.csvHref('countries'),
        columns: [
          { header: 'Country', cell: (row) => country(row.country) },
          { header: 'Sessions', numeric: true, cell: (row) => count(row.created) },
          { header: 'Verified', numeric: true, cell: (row) => count(row.verified) },
          { header: 'Orders', numeric: true, cell: (row) => count(row.orderAccepted) },
          { header: 'Conversion', numeric: true, cell: (row) => percent(row.conversion) },
          { header: 'Wrong codes', numeric: true, cell: (row) => count(row.wrongCodes) },
          { header: 'SMS segments', numeric: true, cell: (row) => count(row.smsSegments) },
        ],
        rows: overview.countries,
      })}
    `;
  }

  private csvHref(table: string): string {
    return `/api/export/${table}.csv?${filterQuery(this.route, Date.now())}`;
  }

  private async load(filter: string): Promise<void> {
    this.shownFilter = filter;
    this.loading = true;
    this.error = '';
    const now = Date.now();
    try {
      const [overview, countries] = await Promise.all([
        this.api.overview(filterQuery(this.route, now)),
        this.api.countries(filterQuery(this.route, now, { country: false })),
      ]);
      if (filter !== this.shownFilter) return;
      this.overview = overview;
      this.countries = countries;
    } catch (error) {
      if (filter === this.shownFilter) this.error = `The figures could not be loaded: ${(error as Error).message}`;
    } finally {
      if (filter === this.shownFilter) this.loading = false;
    }
  }
}

const SERIES_LINES: { key: keyof Omit<SeriesPoint, 't'>; label: string }[] = [
  { key: 'created', label: 'Created' },
  { key: 'verified', label: 'Verified' },
  { key: 'orderAccepted', label: 'Orders' },
  { key: 'wrongCodes', label: 'Wrong codes' },
  { key: 'failedDelivery', label: 'Failed deliveries' },
];

function overviewLines(overview: Overview): ChartLine[] {
  return SERIES_LINES.map(({ key, label }) => ({ label, values: overview.series.map((point) => point[key]) }));
}

function shareOfSessions(overview: Overview, sessions: number): number | null {
  const all = Object.values(overview.figures.outcomes).reduce((sum, n) => sum + n, overview.figures.open);
  return all === 0 ? null : sessions / all;
}

customElements.define('overview-page', OverviewPage);

declare global {
  interface HTMLElementTagNameMap {
    'overview-page': OverviewPage;
  }
}

function besideMarket(overview: Overview): string {
  return overview.market === null
    ? 'the market is hidden: too few other brands in it to keep them apart'
    : 'against the market';
}
