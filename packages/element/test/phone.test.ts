import { describe, expect, it } from 'vitest';
import { asMetadata, countryOptions, formatPhoneInput, parsePhone } from '../src/phone/phone.js';
import { metadataFor } from './fixtures/metadata.js';

const countries = ['GB', 'FR', 'DE'];
const metadata = metadataFor(countries);

describe('asMetadata', () => {
  it('accepts libphonenumber-js metadata and rejects anything else', () => {
    expect(asMetadata(metadata)).toBe(metadata);
    expect(asMetadata({ countries: {} })).toBeUndefined();
    expect(asMetadata(null)).toBeUndefined();
    expect(asMetadata('metadata')).toBeUndefined();
  });
});

describe('countryOptions', () => {
  it('keeps the names and order the verifier sent and adds each calling code', () => {
    const named = [
      { code: 'DE', name: 'Deutschland' },
      { code: 'FR', name: 'Frankreich' },
      { code: 'GB', name: 'Vereinigtes Königreich' },
    ];
    expect(countryOptions(named, metadata)).toEqual([
      { code: 'DE', name: 'Deutschland', callingCode: '49' },
      { code: 'FR', name: 'Frankreich', callingCode: '33' },
      { code: 'GB', name: 'Vereinigtes Königreich', callingCode: '44' },
    ]);
  });

  it('leaves out countries the metadata does not cover', () => {
    const named = [
      { code: 'ES', name: 'Spain' },
      { code: 'GB', name: 'United Kingdom' },
    ];
    expect(countryOptions(named, metadata).map((option) => option.code)).toEqual(['GB']);
  });
});

describe('formatPhoneInput', () => {
  it('formats a national number as it is typed', () => {
    expect(formatPhoneInput('0740', 'GB', metadata).value).toBe('0740');
    expect(formatPhoneInput('07400123456', 'GB', metadata).value).toBe('07400 123456');
    expect(formatPhoneInput('0612345678', 'FR', metadata).value).toBe('06 12 34 56 78');
  });

  it('formats an international number and tells its country', () => {
    expect(formatPhoneInput('+33612345678', 'GB', metadata)).toEqual({ value: '+33 6 12 34 56 78', country: 'FR' });
  });

  it('accepts digits in other scripts', () => {
    expect(formatPhoneInput('٠٧٤٠٠١٢٣٤٥٦', 'GB', metadata).value).toBe('07400 123456');
  });
});

describe('parsePhone', () => {
  it('returns the E.164 number and its country', () => {
    expect(parsePhone('07400 123456', 'GB', countries, metadata)).toEqual({
      ok: true,
      e164: '+447400123456',
      country: 'GB',
    });
    expect(parsePhone('+33 6 12 34 56 78', 'GB', countries, metadata)).toEqual({
      ok: true,
      e164: '+33612345678',
      country: 'FR',
    });
    expect(parsePhone('０７４００ １２３４５６', 'GB', countries, metadata)).toMatchObject({ e164: '+447400123456' });
  });

  it('asks for a number when there is none', () => {
    expect(parsePhone('  ', 'GB', countries, metadata)).toEqual({ ok: false, reason: 'phone_missing' });
  });

  it('rejects numbers that are not valid for the country', () => {
    expect(parsePhone('123', 'GB', countries, metadata)).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(parsePhone('07400 123456 789', 'GB', countries, metadata)).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(parsePhone('call me', 'GB', countries, metadata)).toEqual({ ok: false, reason: 'invalid_phone' });
  });

  it('rejects numbers from countries the brand does not serve', () => {
    expect(parsePhone('+34 612 345 678', 'GB', countries, metadata)).toEqual({
      ok: false,
      reason: 'country_not_allowed',
    });
    expect(parsePhone('+33 6 12 34 56 78', 'GB', ['GB', 'DE'], metadata)).toEqual({
      ok: false,
      reason: 'country_not_allowed',
    });
  });
});
