import { describe, expect, it } from 'vitest';
import { smsSize } from '../../src/delivery/sms-size.js';
import { verificationText } from '../../src/delivery/verification-text.js';

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

describe('the verification SMS today', () => {
  const text = (locale: string) =>
    verificationText({
      brandName: 'Acme Mobile',
      code: '481516',
      order: { id: 'A-1001', amount: 50899, currency: 'EUR' },
      locale,
      validityMinutes: 5,
      checkoutHost: 'shop.acme.example',
    });

  it('is one GSM-7 SMS for an English-formatted amount', () => {
    expect(smsSize(text('en-IE'))).toEqual({ encoding: 'GSM-7', units: expect.any(Number), segments: 1 });
  });

  it('turns UCS-2 and two SMS when the amount is formatted for German or French (a no-break space)', () => {
    // Recorded for issue 5's message templates: Intl puts U+00A0 between amount and currency in these locales.
    expect(smsSize(text('de-DE'))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(smsSize(text('fr-FR'))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });
});
