import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { DashboardApi } from '../api.js';
import type { Brand, User } from '../api-types.js';
import { filterQuery, searchOf } from '../route.js';
import type { Route, View } from '../route.js';
import { LightElement } from './light-element.js';
import './filter-bar.js';

/**
 * A page of figures for the route's filter (brand, period, country): the filter bar, then figures loaded for the
 * filter. An answer to an older filter arriving late is dropped; after a failure no figures of another filter stay
 * under the error, and asking for the same filter again loads it again; CSV links export the figures' own window.
 */
export abstract class FiguresPage<Figures> extends LightElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    route: { attribute: false },
    user: { attribute: false },
    figures: { state: true },
    brands: { state: true },
    countries: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  declare api: DashboardApi;
  declare route: Route;
  declare user: User;
  declare figures: Figures | undefined;
  declare brands: Brand[];
  declare countries: string[];
  declare error: string;
  declare loading: boolean;
  /** The filter last asked for; none after a failure. */
  private shownFilter: string | undefined;
  /** The query the figures on screen answer (their period resolved at load). */
  private figuresQuery = '';

  protected abstract readonly view: View;
  protected abstract readonly heading: string;
  protected abstract fetchFigures(query: string): Promise<Figures>;
  protected abstract renderFigures(figures: Figures): TemplateResult;

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
      const filter = searchOf({ ...this.route, view: this.view });
      if (filter !== this.shownFilter) void this.load(filter);
    }
  }

  override render() {
    return html`
      <main id="main" aria-busy=${this.loading ? 'true' : 'false'}>
        <h1 tabindex="-1">${this.heading}</h1>
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
        ${this.figures ? this.renderFigures(this.figures) : nothing}
      </main>
    `;
  }

  /** A CSV export at `path` of the same window as the figures on screen. */
  protected exportHref(path: string): string {
    return `${path}?${this.figuresQuery}`;
  }

  private async load(filter: string): Promise<void> {
    this.shownFilter = filter;
    this.loading = true;
    this.error = '';
    const now = Date.now();
    const query = filterQuery(this.route, now);
    try {
      const [figures, countries] = await Promise.all([
        this.fetchFigures(query),
        this.api.countries(filterQuery(this.route, now, { country: false })),
      ]);
      if (filter !== this.shownFilter) return;
      this.figures = figures;
      this.figuresQuery = query;
      this.countries = countries;
      this.loading = false;
    } catch (error) {
      if (filter !== this.shownFilter) return;
      this.figures = undefined;
      this.shownFilter = undefined;
      this.loading = false;
      this.error = `The figures could not be loaded: ${(error as Error).message}`;
    }
  }
}
