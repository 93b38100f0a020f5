import { describe, expect, it, vi } from 'vitest';
import { CountryPicker } from '../src/controllers/country-picker.js';
import type { PickerKeyEvent } from '../src/controllers/country-picker.js';
import type { CountryOption } from '../src/phone/countries.js';

const COUNTRIES: CountryOption[] = [
  { code: 'AT', name: 'Austria', callingCode: '43' },
  { code: 'FR', name: 'France', callingCode: '33' },
  { code: 'DE', name: 'Germany', callingCode: '49' },
  { code: 'GB', name: 'United Kingdom', callingCode: '44' },
  { code: 'US', name: 'United States', callingCode: '1' },
];

function setup(selected: string | null = 'DE') {
  const host = {
    addController: vi.fn(),
    removeController: vi.fn(),
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
    renderRoot: document(),
  };
  const onSelect = vi.fn();
  const picker = new CountryPicker(host, onSelect);
  picker.sync(COUNTRIES, selected ?? undefined, 'en');
  return { picker, onSelect, host };
}

/** The picker runs in Node here: its DOM is a stub (the happy-dom test covers the real one). */
function document(): ParentNode {
  return { querySelector: () => null } as unknown as ParentNode;
}

function press(picker: CountryPicker, key: string, modifiers: Partial<PickerKeyEvent> = {}) {
  const event = { key, altKey: false, isComposing: false, preventDefault: vi.fn(), ...modifiers };
  picker.onKeyDown(event);
  return event;
}

const activeCode = (picker: CountryPicker) => picker.active?.code;

describe('CountryPicker', () => {
  it('registers with its host and starts closed on the chosen country', () => {
    const { picker, host } = setup();
    expect(host.addController).toHaveBeenCalledWith(picker);
    expect(picker.open).toBe(false);
    expect(picker.chosen?.name).toBe('Germany');
    expect(picker.active).toBeUndefined();
  });

  it('opens on ArrowDown or ArrowUp with the chosen country active', () => {
    for (const key of ['ArrowDown', 'ArrowUp']) {
      const { picker, host } = setup();
      const event = press(picker, key);
      expect(picker.open).toBe(true);
      expect(activeCode(picker)).toBe('DE');
      expect(event.preventDefault).toHaveBeenCalled();
      expect(host.requestUpdate).toHaveBeenCalled();
    }
  });

  it('opens on the first option with ArrowDown and the last with ArrowUp when no country is chosen', () => {
    const down = setup(null).picker;
    press(down, 'ArrowDown');
    expect(activeCode(down)).toBe('AT');
    const up = setup(null).picker;
    press(up, 'ArrowUp');
    expect(activeCode(up)).toBe('US');
  });

  it('opens on Alt+ArrowDown without an active option', () => {
    const { picker } = setup();
    press(picker, 'ArrowDown', { altKey: true });
    expect(picker.open).toBe(true);
    expect(picker.activeIndex).toBe(-1);
    press(picker, 'ArrowDown');
    expect(activeCode(picker)).toBe('AT');
  });

  it('moves with the arrows, wrapping around, and jumps with Home and End', () => {
    const { picker } = setup();
    press(picker, 'ArrowDown');
    press(picker, 'ArrowDown');
    expect(activeCode(picker)).toBe('GB');
    press(picker, 'End');
    expect(activeCode(picker)).toBe('US');
    press(picker, 'ArrowDown');
    expect(activeCode(picker)).toBe('AT');
    press(picker, 'ArrowUp');
    expect(activeCode(picker)).toBe('US');
    const home = press(picker, 'Home');
    expect(activeCode(picker)).toBe('AT');
    expect(home.preventDefault).toHaveBeenCalled();
  });

  it('leaves Home and End to the text caret while the list is closed', () => {
    const { picker } = setup();
    const event = press(picker, 'Home');
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(picker.open).toBe(false);
  });

  it('filters as the customer types, the best match active, and Enter chooses it', () => {
    const { picker, onSelect } = setup();
    picker.onInput('united');
    expect(picker.open).toBe(true);
    expect(picker.filtered.map((country) => country.code)).toEqual(['GB', 'US']);
    expect(activeCode(picker)).toBe('GB');
    press(picker, 'ArrowDown');
    const enter = press(picker, 'Enter');
    expect(enter.preventDefault).toHaveBeenCalled();
    expect(onSelect).toHaveBeenCalledWith('US');
    expect(picker.selected).toBe('US');
    expect(picker.open).toBe(false);
    expect(picker.query).toBeUndefined();
    expect(picker.filtered).toHaveLength(COUNTRIES.length);
  });

  it('lets Enter submit the form while the list is closed', () => {
    const { picker, onSelect } = setup();
    const enter = press(picker, 'Enter');
    expect(enter.preventDefault).not.toHaveBeenCalled();
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('shows no match, and Enter then only closes the list', () => {
    const { picker, onSelect } = setup();
    picker.onInput('atlantis');
    expect(picker.open).toBe(true);
    expect(picker.filtered).toEqual([]);
    expect(picker.active).toBeUndefined();
    press(picker, 'ArrowDown');
    expect(picker.active).toBeUndefined();
    press(picker, 'Enter');
    expect(picker.open).toBe(false);
    expect(onSelect).not.toHaveBeenCalled();
    expect(picker.selected).toBe('DE');
  });

  it('chooses the active option on Tab and lets the focus move on', () => {
    const { picker, onSelect } = setup();
    picker.onInput('fra');
    const tab = press(picker, 'Tab');
    expect(tab.preventDefault).not.toHaveBeenCalled();
    expect(onSelect).toHaveBeenCalledWith('FR');
    expect(picker.open).toBe(false);
  });

  it('chooses nothing on Tab while the list is closed', () => {
    const { picker, onSelect } = setup();
    picker.onInput('fra');
    press(picker, 'Escape');
    press(picker, 'Tab');
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('closes on Escape keeping the query, clears it on a second Escape, then lets Escape through', () => {
    const { picker } = setup();
    picker.onInput('uni');
    const first = press(picker, 'Escape');
    expect(first.preventDefault).toHaveBeenCalled();
    expect(picker.open).toBe(false);
    expect(picker.query).toBe('uni');
    const second = press(picker, 'Escape');
    expect(second.preventDefault).toHaveBeenCalled();
    expect(picker.query).toBe('');
    expect(picker.open).toBe(false);
    expect(picker.filtered).toHaveLength(COUNTRIES.length);
    const third = press(picker, 'Escape');
    expect(third.preventDefault).not.toHaveBeenCalled();
    expect(picker.selected).toBe('DE');
  });

  it('opens on a click with the chosen country active, and a click on an option chooses it', () => {
    const { picker, onSelect } = setup();
    picker.onClick();
    expect(picker.open).toBe(true);
    expect(activeCode(picker)).toBe('DE');
    picker.choose('AT');
    expect(onSelect).toHaveBeenCalledWith('AT');
    expect(picker.open).toBe(false);
  });

  it('closes on blur and shows the chosen country again, choosing nothing', () => {
    const { picker, onSelect } = setup();
    picker.onInput('fra');
    picker.onBlur();
    expect(picker.open).toBe(false);
    expect(picker.query).toBeUndefined();
    expect(picker.selected).toBe('DE');
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('ignores keys while an input method is composing', () => {
    const { picker } = setup();
    const event = press(picker, 'ArrowDown', { isComposing: true });
    expect(picker.open).toBe(false);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('filters the names the host gives it in another language', () => {
    const { picker } = setup();
    picker.onInput('deutsch');
    expect(picker.filtered).toEqual([]);
    const german = COUNTRIES.map((country) => (country.code === 'DE' ? { ...country, name: 'Deutschland' } : country));
    picker.sync(german, 'DE', 'de');
    expect(picker.filtered.map((country) => country.code)).toEqual(['DE']);
  });
});
