import { html } from 'lit';
import type { CountryRow, DeliveryRow, Overview, ReasonRow, SeriesPoint } from '../api-types.js';
import { count, country, duration, label, percent } from '../format.js';
import { csvLink, dataTable } from './data-table.js';
import { FiguresPage } from './figures-page.js';
import { funnelChart } from './funnel-chart.js';
import { kpiTiles } from './kpi-tiles.js';
import './series-chart.js';
import type { ChartLine } from './series-chart.js';

/** The main view: filters, key figures against the market, funnel, time series and tables with CSV export. */
export class OverviewPage extends FiguresPage<Overview> {
  protected readonly view = 'overview';
  protected readonly heading = 'Overview';

  protected fetchFigures(query: string): Promise<Overview> {
    return this.api.overview(query);
  }

  protected renderFigures(overview: Overview) {
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
    return this.exportHref(`/api/export/${table}.csv`);
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
