import { html, nothing } from 'lit';
import type { Figures } from '../api-types.js';
import { count, duration, money, number, percent } from '../format.js';

interface Kpi {
  label: string;
  /** What the figure is, for a reader who wonders (shown as the tile's description). */
  means: string;
  show(figures: Figures): string;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const KPIS: Kpi[] = [
  {
    label: 'Orders verified',
    means: 'orders accepted with a verified code',
    show: (f) => count(f.funnel.orderAccepted),
  },
  {
    label: 'Conversion',
    means: 'orders accepted ÷ sessions created',
    show: (f) => percent(share(f.funnel.orderAccepted, f.funnel.created)),
  },
  { label: 'Abandonment', means: 'abandoned ÷ ended sessions', show: (f) => percent(f.abandonmentRate) },
  { label: 'Wrong codes', means: 'codes typed wrong', show: (f) => count(f.wrongCodes) },
  {
    label: 'Mean attempts',
    means: 'checks per verified session',
    show: (f) => number(f.attemptsPerVerification.mean),
  },
  { label: 'Time to verify, median', means: 'p50', show: (f) => duration(f.timeToVerifyMs.p50) },
  { label: 'Time to verify, p90', means: '9 in 10 verify faster', show: (f) => duration(f.timeToVerifyMs.p90) },
  { label: 'Delivery success', means: 'sessions delivered ÷ sent', show: (f) => percent(f.conversion.delivered) },
  { label: 'Sends per order', means: 'messages ÷ orders accepted', show: (f) => number(f.sends.perOrder) },
  {
    label: 'Estimated cost',
    means: 'SMS segments and emails by the price table',
    show: (f) => money(f.sends.estimatedCost.amount, f.sends.estimatedCost.currency),
  },
];

/** A figure as a tile shows it: its value, the market's beside it (when shown) and what it means. */
export interface Tile {
  label: string;
  value: string;
  market?: string;
  means: string;
}

/** Figures as tiles, a description list. */
export function tileList(tiles: readonly Tile[]) {
  return html`
    <dl class="kpis">
      ${tiles.map(
        (tile) => html`
          <div class="kpi">
            <dt>${tile.label}</dt>
            <dd class="kpi-value">${tile.value}</dd>
            ${tile.market === undefined ? nothing : html`<dd class="kpi-market">market: ${tile.market}</dd>`}
            <dd class="kpi-means">${tile.means}</dd>
          </div>
        `,
      )}
    </dl>
  `;
}

/** The key figures; with a brand selected, each beside the market's (every brand, same filter). */
export function kpiTiles(figures: Figures, market: Figures | null) {
  return tileList(
    KPIS.map((kpi) => ({
      label: kpi.label,
      value: kpi.show(figures),
      ...(market ? { market: kpi.show(market) } : {}),
      means: kpi.means,
    })),
  );
}
