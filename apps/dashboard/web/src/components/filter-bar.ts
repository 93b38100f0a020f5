import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Brand, User } from '../api-types.js';
import { country as countryName } from '../format.js';
import { PERIODS, searchOf, utcDay } from '../route.js';
import type { Period, Route } from '../route.js';
import { LightElement, navigate } from './light-element.js';

const PERIOD_LABELS: Record<Period, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom dates',
};

/**
 * Brand (an operator chooses; an analyst's is fixed), period and country. Every change is a new URL, so a
 * view can be shared and the back button undoes a filter.
 */
export class FilterBar extends LightElement {
  static override properties: PropertyDeclarations = {
    route: { attribute: false },
    user: { attribute: false },
    brands: { attribute: false },
    countries: { attribute: false },
    showCountry: { type: Boolean, attribute: 'show-country' },
    showPeriod: { type: Boolean, attribute: 'show-period' },
  };

  declare route: Route;
  declare user: User;
  declare brands: Brand[];
  declare countries: string[];
  declare showCountry: boolean;
  declare showPeriod: boolean;

  constructor() {
    super();
    this.brands = [];
    this.countries = [];
    this.showCountry = false;
    this.showPeriod = false;
  }

  override render() {
    return html`
      <form class="filters" aria-label="Filters" @submit=${(event: Event) => event.preventDefault()}>
        ${this.renderBrand()} ${this.showPeriod ? this.renderPeriod() : nothing}
        ${this.showCountry ? this.renderCountry() : nothing}
      </form>
    `;
  }

  private renderBrand() {
    if (this.user.role === 'analyst') {
      const name = this.brands.find((brand) => brand.id === this.user.brand)?.name ?? this.user.brand;
      return html`<p class="field fixed-brand"><span class="field-label">Brand</span> <strong>${name}</strong></p>`;
    }
    return html`
      <p class="field">
        <label for="filter-brand">Brand</label>
        <select id="filter-brand" @change=${(event: Event) => this.change({ brand: valueOf(event) || null })}>
          <option value="" .selected=${!this.route.brand}>All brands (the market)</option>
          ${this.brands.map(
            (brand) =>
              html`<option value=${brand.id} .selected=${brand.id === this.route.brand}>${brand.name}</option>`,
          )}
        </select>
      </p>
    `;
  }

  private renderPeriod() {
    const today = utcDay(Date.now());
    return html`
      <p class="field">
        <label for="filter-period">Period</label>
        <select id="filter-period" @change=${this.changePeriod}>
          ${PERIODS.map(
            (period) =>
              html`<option value=${period} .selected=${period === this.route.period}>${PERIOD_LABELS[period]}</option>`,
          )}
        </select>
      </p>
      ${
        this.route.period === 'custom'
          ? html`
              <p class="field">
                <label for="filter-from">From (UTC)</label>
                <input
                  id="filter-from"
                  type="date"
                  max=${today}
                  .value=${this.route.from ?? today}
                  @change=${(event: Event) => this.changeDays(valueOf(event), this.route.to)}
                />
              </p>
              <p class="field">
                <label for="filter-to">To (UTC)</label>
                <input
                  id="filter-to"
                  type="date"
                  max=${today}
                  .value=${this.route.to ?? today}
                  @change=${(event: Event) => this.changeDays(this.route.from, valueOf(event))}
                />
              </p>
            `
          : nothing
      }
    `;
  }

  private renderCountry() {
    const countries =
      this.route.country && !this.countries.includes(this.route.country)
        ? [this.route.country, ...this.countries]
        : this.countries;
    return html`
      <p class="field">
        <label for="filter-country">Country</label>
        <select id="filter-country" @change=${(event: Event) => this.change({ country: valueOf(event) || null })}>
          <option value="" .selected=${!this.route.country}>All countries</option>
          ${countries.map(
            (code) =>
              html`<option value=${code} .selected=${code === this.route.country}>${countryName(code)}</option>`,
          )}
        </select>
      </p>
    `;
  }

  private changePeriod(event: Event): void {
    const period = valueOf(event) as Period;
    if (period !== 'custom') return this.change({ period, from: null, to: null });
    const now = Date.now();
    this.change({ period, from: utcDay(now, 6), to: utcDay(now) });
  }

  private changeDays(from: string | null, to: string | null): void {
    // A range typed backwards is read the right way round.
    if (from && to) this.change(from <= to ? { from, to } : { from: to, to: from });
  }

  private change(update: Partial<Route>): void {
    navigate(this, searchOf({ ...this.route, ...update }));
  }
}

function valueOf(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

customElements.define('filter-bar', FilterBar);

declare global {
  interface HTMLElementTagNameMap {
    'filter-bar': FilterBar;
  }
}
