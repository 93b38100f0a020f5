import { describe, expect, it } from 'vitest';
import { PhoneField } from '../src/controllers/phone-field.js';
import { metadataFor } from './fixtures/metadata.js';

function phoneField() {
  const host = {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      host.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  const field = new PhoneField(host);
  const countries = ['GB', 'FR', 'DE'];
  const names = countries.map((code) => ({ code, name: code }));
  field.setup({ countries, defaultCountry: 'GB', metadata: metadataFor(countries) }, names);
  return { field, host };
}

describe('PhoneField.input', () => {
  it('formats the number and returns the caret after the same digit', () => {
    const { field, host } = phoneField();
    const before = host.updates;
    expect(field.input('07700900123', 11, 'insertText')).toBe(12);
    expect(field.value).toBe('07700 900123');
    expect(host.updates).toBeGreaterThan(before);
  });

  it('deletes the digit before a separator on Backspace, knowing what it showed before', () => {
    const { field } = phoneField();
    field.input('07700900123', 11, 'insertText');
    expect(field.input('07700900123', 5, 'deleteContentBackward')).toBe(4);
    expect(field.value).toBe('07709 00123');
  });

  it('picks the country of an international number the brand serves, and keeps it otherwise', () => {
    const { field } = phoneField();
    field.input('+33612345678', 12, 'insertFromPaste');
    expect(field.country).toBe('FR');
    field.clear();
    field.input('+34612345678', 12, 'insertFromPaste');
    expect(field.country).toBe('GB');
    expect(field.parse()).toEqual({ ok: false, reason: 'country_not_allowed' });
  });
});
