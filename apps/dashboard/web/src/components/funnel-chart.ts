import { html, nothing } from 'lit';
import type { Figures, Funnel } from '../api-types.js';
import { count, percent } from '../format.js';

const STEPS: { step: keyof Funnel; label: string }[] = [
  { step: 'shown', label: 'Shown' },
  { step: 'created', label: 'Session created' },
  { step: 'sent', label: 'Code sent' },
  { step: 'delivered', label: 'Delivered' },
  { step: 'verified', label: 'Verified' },
  { step: 'orderAccepted', label: 'Order accepted' },
];

/**
 * The funnel as a list of bars (readable without the picture), each step's width relative to the widest and its
 * conversion from the step before. `shown` is not known per country: that step is then left out.
 */
export function funnelChart({ funnel, conversion }: Figures) {
  const steps = STEPS.filter(({ step }) => funnel[step] !== null);
  const widest = Math.max(1, ...steps.map(({ step }) => funnel[step] ?? 0));
  return html`
    <ol class="funnel">
      ${steps.map(({ step, label }) => {
        const value = funnel[step] ?? 0;
        const fromPrevious = step === 'shown' ? null : conversion[step];
        return html`
          <li class="funnel-step">
            <span class="funnel-label">${label}</span>
            <span class="funnel-count">${count(value)}</span>
            ${
              fromPrevious === null
                ? nothing
                : html`<span class="funnel-conversion">${percent(fromPrevious)} of the step before</span>`
            }
            ${bar(value / widest)}
          </li>
        `;
      })}
    </ol>
  `;
}

/** A bar as SVG: its width is an attribute, which a strict CSP allows where it blocks a style attribute. */
function bar(share: number) {
  return html`<svg class="funnel-track" aria-hidden="true" focusable="false">
    <rect class="funnel-track-fill" width="100%" height="100%" rx="6"></rect>
    <rect class="funnel-bar" width="${100 * share}%" height="100%" rx="6"></rect>
  </svg>`;
}
