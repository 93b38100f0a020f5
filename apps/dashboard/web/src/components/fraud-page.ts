import { html } from 'lit';
import type { FraudOverview, FraudReasonRow, FraudTopRow, RunningBlock } from '../api-types.js';
import { count, country, label, money, when } from '../format.js';
import { csvLink, dataTable } from './data-table.js';
import type { Column } from './data-table.js';
import { FiguresPage } from './figures-page.js';
import { tileList } from './kpi-tiles.js';
import './series-chart.js';

/**
 * The fraud view: what the risk engine blocked, challenged and would have blocked in dry-run, by reason over time,
 * the top prefixes, countries and client networks, the money the blocks saved and the low-conversion blocks running.
 */
export class FraudPage extends FiguresPage<FraudOverview> {
  protected readonly view = 'fraud';
  protected readonly heading = 'Fraud';

  protected fetchFigures(query: string): Promise<FraudOverview> {
    return this.api.fraud(query);
  }

  protected renderFigures(fraud: FraudOverview) {
    const { totals, moneySaved } = fraud;
    return html`
      <section aria-labelledby="fraud-kpi-heading">
        <h2 id="fraud-kpi-heading">Key figures</h2>
        ${tileList([
          { label: 'Sends blocked', value: count(totals.blocked), means: 'refused by a rule or a send limit' },
          {
            label: 'Money saved',
            value: money(moneySaved.amount, moneySaved.currency),
            means: `${count(totals.blockedSegments)} blocked SMS segments by the price table`,
          },
          { label: 'Sends challenged', value: count(totals.challenged), means: 'held for a captcha or step-up' },
          { label: 'Dry-run hits', value: count(totals.dryRunSends), means: 'sends a rule in dry-run would have hit' },
        ])}
      </section>
      <section aria-labelledby="fraud-series-heading" class="card">
        <div class="section-head">
          <h2 id="fraud-series-heading">Blocks by reason over time</h2>
          ${csvLink(this.csvHref('series'), 'Blocks by reason over time')}
        </div>
        ${
          fraud.series.reasons.length === 0
            ? html`<p>No sends were blocked in this period.</p>`
            : html`<series-chart
                .times=${fraud.series.points.map((point) => point.t)}
                .lines=${fraud.series.reasons.map((reason, index) => ({
                  label: label(reason),
                  values: fraud.series.points.map((point) => point.counts[index] ?? 0),
                }))}
                .granularity=${fraud.granularity}
              ></series-chart>`
        }
      </section>
      ${dataTable<FraudReasonRow>({
        id: 'fraud-reasons',
        title: 'Reasons',
        csvHref: this.csvHref('reasons'),
        columns: [
          { header: 'Reason', cell: (row) => html`${label(row.reason)} <code>${row.reason}</code>` },
          { header: 'Blocked', numeric: true, cell: (row) => count(row.blocked) },
          { header: 'Challenged', numeric: true, cell: (row) => count(row.challenged) },
          { header: 'Dry-run hits', numeric: true, cell: (row) => count(row.dryRunHits) },
        ],
        rows: fraud.reasons,
        empty: 'No rule hit in this period.',
      })}
      <div class="top-lists">
        ${this.topTable(fraud, 'prefixes', 'Top prefixes', 'Prefix', (value) => value || 'Unknown')}
        ${this.topTable(fraud, 'countries', 'Top countries', 'Country', country)}
        ${this.topTable(fraud, 'networks', 'Top client networks', 'Network', (value) => value || 'Unknown')}
      </div>
      ${dataTable<RunningBlock>({
        id: 'fraud-blocks',
        title: 'Low-conversion blocks running',
        csvHref: this.csvHref('blocks'),
        columns: [
          { header: 'Blocked', cell: (row) => html`${row.scope === 'country' ? country(row.subject) : row.subject}` },
          { header: 'Rule', cell: (row) => html`<code>${row.rule}</code>` },
          { header: 'Since', cell: (row) => when(row.since) },
          { header: 'Until', cell: (row) => when(row.until) },
          { header: 'Verified', cell: (row) => `${count(row.verified)} of ${count(row.sends)} verified` },
        ],
        rows: fraud.runningBlocks,
        empty: 'No prefix or country is blocked for low conversion now.',
      })}
    `;
  }

  private topTable(
    fraud: FraudOverview,
    table: 'prefixes' | 'countries' | 'networks',
    title: string,
    header: string,
    show: (value: string) => string,
  ) {
    const columns: Column<FraudTopRow>[] = [
      { header, cell: (row) => show(row.value) },
      { header: 'Blocked', numeric: true, cell: (row) => count(row.blocked) },
      { header: 'Saved', numeric: true, cell: (row) => money(row.moneySaved, fraud.moneySaved.currency) },
    ];
    return dataTable({ id: `fraud-${table}`, title, csvHref: this.csvHref(table), columns, rows: fraud[table] });
  }

  private csvHref(table: string): string {
    return this.exportHref(`/api/export/fraud/${table}.csv`);
  }
}

customElements.define('fraud-page', FraudPage);

declare global {
  interface HTMLElementTagNameMap {
    'fraud-page': FraudPage;
  }
}
