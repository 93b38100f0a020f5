import { describe, expect, it } from 'vitest';
import { normalizeCode, toAsciiDigits } from '../src/digits.js';

describe('toAsciiDigits', () => {
  it('keeps ASCII digits and other characters', () => {
    expect(toAsciiDigits('+44 7400-123456')).toBe('+44 7400-123456');
  });

  it('maps Arabic-Indic and extended Arabic-Indic (Persian) digits', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('maps full-width, Devanagari, Bengali and Thai digits', () => {
    expect(toAsciiDigits('０１２３４５６７８９')).toBe('0123456789');
    expect(toAsciiDigits('०१२३४५६७८९')).toBe('0123456789');
    expect(toAsciiDigits('০১২৩৪৫৬৭৮৯')).toBe('0123456789');
    expect(toAsciiDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
  });

  it('maps the adjacent runs of mathematical digits', () => {
    // Bold 7, double-struck 3, monospace 9: five runs of ten follow one another from U+1D7CE.
    expect(toAsciiDigits('\u{1D7D5}\u{1D7DB}\u{1D7FF}')).toBe('739');
  });
});

describe('normalizeCode', () => {
  it('strips spaces, dashes and other separators', () => {
    expect(normalizeCode(' 123-456 ', 6)).toBe('123456');
    expect(normalizeCode('123 456', 6)).toBe('123456');
    expect(normalizeCode('12.34\u00a056', 6)).toBe('123456');
  });

  it('normalises pasted codes in other scripts', () => {
    expect(normalizeCode('١٢٣ ٤٥٦', 6)).toBe('123456');
    expect(normalizeCode('１２３－４５６', 6)).toBe('123456');
  });

  it('drops letters and caps the result at the code length', () => {
    expect(normalizeCode('abc', 6)).toBe('');
    expect(normalizeCode('12345678', 6)).toBe('123456');
    expect(normalizeCode('1234567890', 8)).toBe('12345678');
  });
});
