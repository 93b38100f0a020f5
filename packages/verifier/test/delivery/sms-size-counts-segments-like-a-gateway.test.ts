import { describe, expect, it } from 'vitest';
import { smsSize } from '../../src/delivery/sms-size.js';
import { messageValues } from '../../src/delivery/message-values.js';
import { renderSms } from '../../src/delivery/render-sms.js';
import { DEFAULT_TEMPLATES } from '../../src/delivery/templates/index.js';

// 3GPP TS 23.038 (GSM 7-bit alphabet and extension table) and TS 23.040 (concatenated SMS: the user data
// header leaves 153 septets or 67 UCS-2 characters per part).
describe('smsSize', () => {
  it('fits 160 GSM characters in one SMS and splits beyond that into parts of 153', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306))).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
    expect(smsSize('a'.repeat(307))).toEqual({ encoding: 'GSM-7', units: 307, segments: 3 });
  });

  it('counts extension characters (€ [ ] { } ^ ~ | \\ and form feed) as two septets, never split across parts', () => {
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    // 152 septets, then a two-septet €: it does not fit the first part's last septet and opens the second.
    expect(smsSize(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
    expect(smsSize('{}[]~|^\\\f')).toEqual({ encoding: 'GSM-7', units: 18, segments: 1 });
  });

  it('keeps the GSM alphabet’s accented letters and Greek capitals in GSM-7', () => {
    expect(smsSize('äöüÄÖÜß éèùìò ÇØÅÆÉ ΔΦΓΛΩΠΨΣΘΞ £¥¤§¿¡ñÑà').encoding).toBe('GSM-7');
  });

  it('switches the whole text to UCS-2 for one character outside the alphabet, 70 per SMS then 67 per part', () => {
    expect(smsSize(`${'a'.repeat(69)}ł`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize(`${'a'.repeat(70)}ł`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(smsSize('ç'.repeat(134))).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
    expect(smsSize('ç'.repeat(135))).toEqual({ encoding: 'UCS-2', units: 135, segments: 3 });
    // Lower-case ç, the no-break space and typographic quotes are not in the alphabet.
    for (const character of ['ç', '\u00a0', '\u202f', '’', '“', 'ğ', 'ş', 'ą', 'م']) {
      expect(smsSize(`code ${character}`).encoding, JSON.stringify(character)).toBe('UCS-2');
    }
  });

  it('counts a character outside the BMP as two UTF-16 units and keeps both halves in one part', () => {
    expect(smsSize('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    // 66 units, then a two-unit emoji: it would straddle the 67-unit boundary, so it opens the second part.
    expect(smsSize(`${'ł'.repeat(66)}😀${'ł'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });

  it('sends nothing for an empty text', () => {
    expect(smsSize('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
  });
});

describe('the verification SMS', () => {
  const text = (locale: 'en' | 'de' | 'fr', tag: string) =>
    renderSms(
      DEFAULT_TEMPLATES[locale].sms,
      messageValues({
        brandName: 'Acme Mobile',
        code: '481516',
        order: { amount: 50899, currency: 'EUR' },
        tag,
        validitySeconds: 300,
      }),
      'shop.acme.example',
    );

  it('is one GSM-7 SMS for an English-formatted amount', () => {
    expect(smsSize(text('en', 'en-IE'))).toEqual({ encoding: 'GSM-7', units: expect.any(Number), segments: 1 });
  });

  it('stays one GSM-7 SMS when the amount is formatted for German or French (the no-break space goes out as a space)', () => {
    // Intl puts U+00A0 between amount and currency in these locales: sent as is, the whole SMS would be UCS-2.
    expect(smsSize(text('de', 'de-DE'))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsSize(text('fr', 'fr-FR'))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(text('de', 'de-DE')).toContain('508,99 €');
  });
});
