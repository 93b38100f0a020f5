import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { countryOptionId } from '../controllers/country-picker.js';
import type { CountryPicker } from '../controllers/country-picker.js';

export interface CountryPickerLabels {
  label: string;
  noMatch: string;
  option: (name: string, callingCode: string) => string;
}

const keepFocusInInput = (event: Event): void => event.preventDefault();
const selectAll = (event: Event): void => (event.target as HTMLInputElement).select();

/**
 * The country field of the phone step: a combobox over the brand's countries, or plain text when the brand
 * serves a single country. The picker's state is the CountryPicker controller's.
 */
export function renderCountryPicker(picker: CountryPicker, labels: CountryPickerLabels): TemplateResult {
  const { chosen, active } = picker;
  const chosenText = chosen ? labels.option(chosen.name, chosen.callingCode) : '';
  if (picker.countries.length === 1) {
    return html`<span part="label" class="label">${labels.label}</span>
      <span part="country-picker" class="single">${chosenText}</span>`;
  }
  return html`<label id="country-label" for="country" part="label">${labels.label}</label>
    <div part="country-picker" class="picker">
      <input
        id="country"
        part="country-input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${picker.open ? 'true' : 'false'}
        aria-controls="country-list"
        aria-activedescendant=${active ? countryOptionId(active.code) : nothing}
        .value=${live(picker.query ?? chosenText)}
        @input=${(event: Event) => picker.onInput((event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => picker.onKeyDown(event)}
        @click=${() => picker.onClick()}
        @focus=${selectAll}
        @blur=${() => picker.onBlur()}
      />
      <ul
        id="country-list"
        part="country-list"
        role="listbox"
        aria-labelledby="country-label"
        ?hidden=${!picker.open}
        @mousedown=${keepFocusInInput}
      >
        ${picker.open ? listOptions(picker, labels) : nothing}
      </ul>
    </div>`;
}

function listOptions(picker: CountryPicker, labels: CountryPickerLabels): TemplateResult | TemplateResult[] {
  if (picker.filtered.length === 0) {
    return html`<li part="country-option" role="option" aria-disabled="true">${labels.noMatch}</li>`;
  }
  return picker.filtered.map(
    (country, index) =>
      html`<li
        id=${countryOptionId(country.code)}
        part="country-option"
        role="option"
        class=${country.code === picker.selected ? 'chosen' : ''}
        aria-selected=${index === picker.activeIndex ? 'true' : 'false'}
        @click=${() => picker.choose(country.code)}
      >
        ${labels.option(country.name, country.callingCode)}
      </li>`,
  );
}
