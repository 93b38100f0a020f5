import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { filterCountries } from './filter-countries.js';
import type { CountryOption } from '../phone/countries.js';

export const countryOptionId = (code: string): string => `country-${code}`;

/** The keys the picker handles; a KeyboardEvent in the element. */
export type PickerKeyEvent = Pick<KeyboardEvent, 'key' | 'altKey' | 'isComposing' | 'preventDefault'>;

type PickerHost = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * The country combobox's state, after the WAI-ARIA APG "editable combobox with list autocomplete": the input
 * keeps focus and the active option is only pointed at (aria-activedescendant). One difference: while the list is
 * open, Home and End go to its first and last country (the query is a word or two, the list is what is long).
 */
export class CountryPicker implements ReactiveController {
  readonly #host: PickerHost;
  readonly #onSelect: (code: string) => void;
  #locale = 'en';
  #revealActive = false;
  countries: readonly CountryOption[] = [];
  selected: string | undefined;
  open = false;
  /** What the customer typed; undefined while the input shows the chosen country. */
  query: string | undefined;
  filtered: readonly CountryOption[] = [];
  activeIndex = -1;

  constructor(host: PickerHost, onSelect: (code: string) => void) {
    this.#host = host;
    this.#onSelect = onSelect;
    host.addController(this);
  }

  /** Takes the host's countries, the chosen one and the language the names are in; call it before rendering. */
  sync(countries: readonly CountryOption[], selected: string | undefined, locale: string): void {
    this.selected = selected;
    if (countries === this.countries && locale === this.#locale) return;
    this.countries = countries;
    this.#locale = locale;
    this.#filter();
    if (this.activeIndex >= this.filtered.length) this.activeIndex = -1;
  }

  get chosen(): CountryOption | undefined {
    return this.countries.find((country) => country.code === this.selected);
  }

  get active(): CountryOption | undefined {
    return this.filtered[this.activeIndex];
  }

  onInput(value: string): void {
    this.query = value;
    this.#filter();
    // The best match is active at once, so Enter or Tab takes it.
    this.#show(value.trim() ? 0 : -1);
  }

  onClick(): void {
    if (!this.open) this.#show(this.#chosenIndex());
  }

  /** Leaving the input (Tab, a click elsewhere) closes the list and shows the chosen country again. */
  onBlur(): void {
    this.query = undefined;
    this.#filter();
    this.#close();
  }

  onKeyDown(event: PickerKeyEvent): void {
    if (event.isComposing) return;
    const last = this.filtered.length - 1;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (this.open) {
          if (!event.altKey) this.#move(step);
        } else if (event.altKey) {
          this.#show(-1);
        } else {
          const chosen = this.#chosenIndex();
          this.#show(chosen >= 0 ? chosen : step > 0 ? 0 : last);
        }
        return;
      }
      case 'Home':
      case 'End':
        if (!this.open || last < 0) return;
        event.preventDefault();
        this.#show(event.key === 'Home' ? 0 : last);
        return;
      case 'Enter':
        if (!this.open) return;
        // Enter picks from the open list; it must not submit the form.
        event.preventDefault();
        this.#chooseActive();
        return;
      case 'Tab':
        // No preventDefault: the focus moves on as usual.
        if (this.open) this.#chooseActive();
        return;
      case 'Escape':
        if (this.open) this.#close();
        else if (this.query) this.#clearQuery();
        else return;
        event.preventDefault();
    }
  }

  choose(code: string): void {
    this.selected = code;
    this.query = undefined;
    this.#filter();
    this.#close();
    this.#onSelect(code);
  }

  hostUpdated(): void {
    if (!this.#revealActive) return;
    this.#revealActive = false;
    const option = this.active && this.#host.renderRoot.querySelector(`#${countryOptionId(this.active.code)}`);
    option?.scrollIntoView({ block: 'nearest' });
  }

  #chooseActive(): void {
    const active = this.active;
    if (active) this.choose(active.code);
    else this.#close();
  }

  #chosenIndex(): number {
    return this.filtered.findIndex((country) => country.code === this.selected);
  }

  #filter(): void {
    this.filtered = filterCountries(this.countries, this.query ?? '', this.#locale);
  }

  #move(step: 1 | -1): void {
    const count = this.filtered.length;
    if (count === 0) return;
    const from = this.activeIndex >= 0 ? this.activeIndex : step > 0 ? -1 : count;
    this.#show((from + step + count) % count);
  }

  /** Opens the list with the option at `index` active; none when there is no such option. */
  #show(index: number): void {
    this.open = true;
    this.activeIndex = this.filtered[index] ? index : -1;
    this.#revealActive = this.activeIndex >= 0;
    this.#host.requestUpdate();
  }

  #clearQuery(): void {
    this.query = '';
    this.#filter();
    this.#host.requestUpdate();
  }

  #close(): void {
    this.open = false;
    this.activeIndex = -1;
    this.#host.requestUpdate();
  }
}
