import { html } from 'lit';
import type { TemplateResult } from 'lit';

export interface Column<Row> {
  header: string;
  cell(row: Row): string | TemplateResult;
  /** Right-aligned, for numbers. */
  numeric?: boolean;
}

export interface TableSpec<Row> {
  id: string;
  title: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Where "Download CSV" points (the same table, with the same filters); none: no link. */
  csvHref?: string;
  empty?: string;
}

/**
 * A table under its heading, with its CSV download. On a narrow screen the table scrolls inside its box (which
 * keyboard users can focus and scroll), never the page.
 */
export function dataTable<Row>(spec: TableSpec<Row>) {
  const headingId = `${spec.id}-heading`;
  return html`
    <section class="table-section" aria-labelledby=${headingId}>
      <div class="section-head">
        <h2 id=${headingId}>${spec.title}</h2>
        ${spec.csvHref ? csvLink(spec.csvHref, spec.title) : ''}
      </div>
      <div class="table-scroll" role="region" aria-labelledby=${headingId} tabindex="0">
        <table id=${spec.id}>
          <thead>
            <tr>
              ${spec.columns.map(
                (column) => html`<th scope="col" class=${column.numeric ? 'numeric' : ''}>${column.header}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${
              spec.rows.length === 0
                ? html`<tr>
                    <td colspan=${spec.columns.length}>${spec.empty ?? 'Nothing in this period.'}</td>
                  </tr>`
                : spec.rows.map(
                    (row) =>
                      html`<tr>
                        ${spec.columns.map(
                          (column) => html`<td class=${column.numeric ? 'numeric' : ''}>${column.cell(row)}</td>`,
                        )}
                      </tr>`,
                  )
            }
          </tbody>
        </table>
      </div>
    </section>
  `;
}

/** "Download CSV", named after its table for a screen reader listing the page's links. */
export function csvLink(href: string, title: string) {
  return html`<a class="download" href=${href} download
    >Download CSV<span class="visually-hidden"> (${title})</span></a
  >`;
}
