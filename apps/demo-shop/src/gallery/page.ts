import type { SafeHtml } from '../html.js';
import { html } from '../html.js';
import type { GalleryColumn } from './columns.js';
import type { GalleryState } from './states.js';
import { gallerySessionId } from './states.js';

/** The order every cell verifies; its amount appears in no state, so one for all. */
const AMOUNT = 4990;

export interface GalleryPageInput {
  columns: readonly GalleryColumn[];
  states: readonly GalleryState[];
  /** Where the scripted answers are mounted, e.g. `/gallery/verifier`. */
  verifierBase: string;
}

const columnName = (column: GalleryColumn): string => column.theme ?? 'no-theme';
const columnTitle = (column: GalleryColumn): string => {
  if (column.theme === undefined) return 'No theme';
  return column.brand.id === column.theme ? column.brand.displayName : `${column.theme} (no brand yet)`;
};

/** `<otp-verify>` set up for the state's mode, talking to the state's scripted answers. */
function element(column: GalleryColumn, state: GalleryState, verifier: string): SafeHtml {
  const { brand } = column;
  const { mode } = state;
  const sessionId = gallerySessionId(state);
  return html`<otp-verify
    brand="${brand.id}"
    order-id="gallery-${state.id}"
    amount="${AMOUNT}"
    currency="${brand.currency}"
    locale="${brand.locale}"
    verifier="${verifier}"
    ${mode.kind === 'customer' && html`customer-token="gallery-customer"`}
    ${mode.kind === 'session' && html`session-id="${sessionId}" client-secret="${sessionId}-secret"`}
  ></otp-verify>`;
}

/**
 * The request of the state that is never answered, as a path: the gallery script holds it in the page
 * (public/gallery.js says why).
 */
function heldPath(column: GalleryColumn, state: GalleryState, verifier: string): string | undefined {
  if (state.brand === 'held') return `${verifier}/v1/brands/${column.brand.id}`;
  if (state.check === 'held') return `${verifier}/v1/sessions/${gallerySessionId(state)}/check`;
  return undefined;
}

function cell(column: GalleryColumn, state: GalleryState, verifierBase: string): SafeHtml {
  const verifier = `${verifierBase}/${state.id}`;
  return html`<td
    data-gallery-cell="${columnName(column)}-${column.scheme}-${state.id}"
    ${column.theme && html`data-theme="${column.theme}"`}
    data-scheme="${column.scheme}"
    data-state="${state.id}"
    data-shows="${state.shows.join(' ')}"
    data-script="${state.script.join(' ')}"
    data-held="${heldPath(column, state, verifier)}"
  >
    <p class="cell-label">${state.label}</p>
    ${element(column, state, verifier)}
  </td>`;
}

/**
 * The theme gallery: a row per element state, a column per theme and colour scheme. Each cell's element talks
 * to the gallery's scripted answers; public/gallery.js plays the customer where a state needs one.
 */
export function galleryPage({ columns, states, verifierBase }: GalleryPageInput): string {
  const themes = [...new Set(columns.flatMap((column) => column.theme ?? []))];
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Theme gallery · otp-verify demo shop</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/gallery.css" />
        ${themes.map((id) => html`<link rel="stylesheet" href="/gallery/themes/${id}.css" />`)}
        <script type="module" src="/assets/gallery.js"></script>
        <script src="/assets/otp-verify.iife.js" defer></script>
      </head>
      <body>
        <main>
          <h1>Theme gallery</h1>
          <p>
            Every brand with a theme in <code>themes/</code>, in every state of <code>&lt;otp-verify&gt;</code>, light
            and dark; “No theme” is the element’s defaults, with the first brand’s settings. The cells talk to scripted
            answers, not to a verifier; each brand’s text, countries and phone rules come from the real verifier.
          </p>
          <table class="gallery">
            <thead>
              <tr>
                <td></td>
                ${columns.map(
                  (column) =>
                    html`<th scope="col">${columnTitle(column)} <span class="scheme">${column.scheme} page</span></th>`,
                )}
              </tr>
            </thead>
            <tbody>
              ${states.map(
                (state) =>
                  html`<tr>
                    <th scope="row">${state.label}</th>
                    ${columns.map((column) => cell(column, state, verifierBase))}
                  </tr>`,
              )}
            </tbody>
          </table>
        </main>
      </body>
    </html>`.markup;
}
