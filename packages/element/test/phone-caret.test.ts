import { describe, expect, it } from 'vitest';
import { editPhone } from '../src/phone/phone.js';
import { metadataFor } from './fixtures/metadata.js';

const metadata = metadataFor(['GB', 'FR', 'DE', 'US']);

/** The field after an edit; `|` marks the caret in what the browser left and in the expected field. */
function edit(previous: string, edited: string, inputType: string, country = 'FR') {
  const caret = edited.indexOf('|');
  const result = editPhone({ previous, value: edited.replace('|', ''), caret, inputType }, country, metadata);
  return `${result.value.slice(0, result.caret)}|${result.value.slice(result.caret)}`;
}

describe('editPhone', () => {
  it('formats as the customer types at the end, caret after the last digit', () => {
    expect(edit('0170 123456', '0170 1234567|', 'insertText', 'DE')).toBe('0170 1234567|');
    expect(edit('0770', '07700|', 'insertText', 'GB')).toBe('07700|');
    expect(edit('07700', '077009|', 'insertText', 'GB')).toBe('07700 9|');
    expect(edit('(201) 555-012', '(201) 555-0123|', 'insertText', 'US')).toBe('(201) 555-0123|');
  });

  it('keeps the caret after a digit typed in the middle, though the groups move', () => {
    expect(edit('06 12 34 56 7', '06 19|2 34 56 7', 'insertText')).toBe('06 19| 23 45 67');
  });

  it('deletes the digit before a separator on Backspace, instead of nothing', () => {
    expect(edit('06 12 34 56 78', '06|12 34 56 78', 'deleteContentBackward')).toBe('0|1 23 45 67 8');
    expect(edit('07700 900123', '07700|900123', 'deleteContentBackward', 'GB')).toBe('0770|9 00123');
  });

  it('deletes a digit on Backspace and keeps the caret where it was', () => {
    expect(edit('06 12 34 56 78', '06 |2 34 56 78', 'deleteContentBackward')).toBe('06| 23 45 67 8');
  });

  it('deletes the digit after a separator on Delete', () => {
    expect(edit('06 12 34 56 78', '06|12 34 56 78', 'deleteContentForward')).toBe('06| 23 45 67 8');
    expect(edit('06 12 34 56 78', '06 |2 34 56 78', 'deleteContentForward')).toBe('06| 23 45 67 8');
  });

  it('leaves the number alone on Backspace before its first digit', () => {
    expect(edit('(201) 555-0123', '|201) 555-0123', 'deleteContentBackward', 'US')).toBe('|(201) 555-0123');
  });

  it('formats a pasted number, international or in other digits, with the caret after it', () => {
    expect(edit('', '+33612345678|', 'insertFromPaste', 'GB')).toBe('+33 6 12 34 56 78|');
    expect(edit('', '+44 (0) 7700-900123|', 'insertFromPaste', 'GB')).toBe('+44 07700 900123|');
    expect(edit('', '٠٦١٢٣٤٥٦٧٨|', 'insertFromPaste')).toBe('06 12 34 56 78|');
    expect(edit('06 12', '06 12345678|', 'insertFromPaste')).toBe('06 12 34 56 78|');
    expect(edit('06 78', '06 12 34 56|78', 'insertFromPaste')).toBe('06 12 34 56| 78');
  });

  it('tells the country of an international number', () => {
    const typed = '+33 6 12 34 56 78';
    const result = editPhone(
      { previous: '', value: typed, caret: typed.length, inputType: 'insertText' },
      'GB',
      metadata,
    );
    expect(result.country).toBe('FR');
  });

  it('drops what is not part of a number', () => {
    expect(edit('06 12', '06 12a|', 'insertText')).toBe('06 12|');
    expect(edit('06 12', '06 1x|2', 'insertText')).toBe('06 1|2');
  });
});
