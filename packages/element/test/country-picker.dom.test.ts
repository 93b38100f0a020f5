// @vitest-environment happy-dom
import { LitElement } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CountryPicker } from '../src/controllers/country-picker.js';
import type { CountryOption } from '../src/phone/countries.js';
import { countryPickerStyles } from '../src/country-picker.styles.js';
import { renderCountryPicker } from '../src/views/country-picker.js';

const COUNTRIES: CountryOption[] = [
  { code: 'AT', name: 'Austria', callingCode: '43' },
  { code: 'FR', name: 'France', callingCode: '33' },
  { code: 'DE', name: 'Germany', callingCode: '49' },
  { code: 'GB', name: 'United Kingdom', callingCode: '44' },
];

const labels = {
  label: 'Country',
  noMatch: 'No matching country',
  option: (name: string, callingCode: string) => `${name} (+${callingCode})`,
};

/** The smallest host: it keeps the chosen country, as the element's phone field does. */
class PickerTestHost extends LitElement {
  static override styles = countryPickerStyles;
  countries = COUNTRIES;
  country = 'DE';
  readonly picker = new CountryPicker(this, (code) => {
    this.country = code;
    this.requestUpdate();
  });

  override render() {
    this.picker.sync(this.countries, this.country, 'en');
    return renderCountryPicker(this.picker, labels);
  }
}
customElements.define('picker-test-host', PickerTestHost);

async function mount(countries = COUNTRIES) {
  const host = document.createElement('picker-test-host') as PickerTestHost;
  host.countries = countries;
  document.body.append(host);
  await host.updateComplete;
  const root = host.shadowRoot as ShadowRoot;
  const input = () => root.querySelector('input') as HTMLInputElement;
  const options = () => [...root.querySelectorAll('[role="option"]')];
  const key = async (name: string, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, composed: true, ...init });
    input().dispatchEvent(event);
    await host.updateComplete;
    return event;
  };
  const type = async (text: string) => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await host.updateComplete;
  };
  return { host, root, input, options, key, type };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('renderCountryPicker', () => {
  it('renders a labelled, collapsed combobox showing the chosen country', async () => {
    const { root, input, options } = await mount();
    expect(root.querySelector('label')?.textContent).toBe('Country');
    expect(input().labels?.[0]?.textContent).toBe('Country');
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-autocomplete')).toBe('list');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
    expect(input().value).toBe('Germany (+49)');
    const list = root.getElementById(input().getAttribute('aria-controls') ?? '');
    expect(list?.getAttribute('role')).toBe('listbox');
    expect(list?.hidden).toBe(true);
    expect(options()).toHaveLength(0);
  });

  it('opens on ArrowDown and points at the chosen country, then follows the arrows', async () => {
    const { root, input, options, key } = await mount();
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    await key('ArrowDown');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect((root.getElementById('country-list') as HTMLElement).hidden).toBe(false);
    expect(options().map((option) => option.textContent?.trim())).toEqual([
      'Austria (+43)',
      'France (+33)',
      'Germany (+49)',
      'United Kingdom (+44)',
    ]);
    expect(input().getAttribute('aria-activedescendant')).toBe('country-DE');
    await key('ArrowDown');
    const active = root.getElementById('country-GB');
    expect(input().getAttribute('aria-activedescendant')).toBe('country-GB');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    expect(root.querySelectorAll('[aria-selected="true"]')).toHaveLength(1);
    expect(scrolled.mock.contexts.at(-1)).toBe(active);
    scrolled.mockRestore();
  });

  it('filters as the customer types and Enter chooses the match without submitting', async () => {
    const { host, input, options, key, type } = await mount();
    await type('+44');
    expect(options().map((option) => option.id)).toEqual(['country-GB']);
    expect(input().getAttribute('aria-activedescendant')).toBe('country-GB');
    const enter = await key('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(host.country).toBe('GB');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().value).toBe('United Kingdom (+44)');
  });

  it('shows "No matching country" as an option that cannot be chosen', async () => {
    const { host, root, input, options, type } = await mount();
    await type('atlantis');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const [noMatch] = options();
    expect(options()).toHaveLength(1);
    expect(noMatch?.textContent?.trim()).toBe('No matching country');
    expect(noMatch?.getAttribute('aria-disabled')).toBe('true');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
    (noMatch as HTMLElement).click();
    await host.updateComplete;
    expect(host.country).toBe('DE');
    expect(root.querySelector('[aria-disabled="true"]')).not.toBeNull();
  });

  it('chooses an option by click without taking the focus from the input', async () => {
    const { host, root, input, options } = await mount();
    input().focus();
    input().click();
    await host.updateComplete;
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const france = root.getElementById('country-FR') as HTMLElement;
    const mousedown = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    france.dispatchEvent(mousedown);
    expect(mousedown.defaultPrevented).toBe(true);
    france.click();
    await host.updateComplete;
    expect(host.country).toBe('FR');
    expect(input().value).toBe('France (+33)');
    expect(options()).toHaveLength(0);
    expect(root.activeElement).toBe(input());
  });

  it('closes on blur and shows the chosen country again', async () => {
    const { host, input, type } = await mount();
    input().focus();
    await type('fra');
    input().blur();
    await host.updateComplete;
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().value).toBe('Germany (+49)');
    expect(host.country).toBe('DE');
  });

  it('shows a single country as text with the same label, no combobox', async () => {
    const { root } = await mount([{ code: 'DE', name: 'Germany', callingCode: '49' }]);
    expect(root.querySelector('[role="combobox"]')).toBeNull();
    expect(root.querySelector('[part="label"]')?.textContent).toBe('Country');
    expect(root.querySelector('[part="country-picker"]')?.textContent).toBe('Germany (+49)');
  });
});
