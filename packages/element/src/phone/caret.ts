import { formatPhoneInput } from './format.js';
import type { FormattedPhone } from './format.js';
import type { PhoneMetadata } from './metadata.js';
import { significantChars } from './phone-chars.js';

export interface PhoneEditEvent {
  /** The field's value before the edit (what the formatter showed). */
  previous: string;
  /** The field's value after the edit, as the browser left it. */
  value: string;
  /** The caret (selectionStart) after the edit. */
  caret: number;
  /** InputEvent.inputType: insertText, insertFromPaste, deleteContentBackward, deleteContentForward... */
  inputType: string;
}

export interface PhoneEdit extends FormattedPhone {
  /** Where the caret goes in the formatted value: after the digit it followed. */
  caret: number;
}

/** Backspace and Delete: where the digit they delete instead of a separator is, relative to the caret. */
const SEPARATOR_DELETION = new Map([
  ['deleteContentBackward', -1],
  ['deleteContentForward', 0],
]);

/**
 * Formats the phone field after an edit and keeps the caret after the same digit. Backspace or Delete on a
 * separator deletes the digit before or after it, since the formatter would put the separator straight back.
 */
export function editPhone(edit: PhoneEditEvent, country: string, metadata: PhoneMetadata): PhoneEdit {
  let chars = significantChars(edit.value);
  let before = significantChars(edit.value.slice(0, edit.caret)).length;
  const direction = SEPARATOR_DELETION.get(edit.inputType);
  if (direction !== undefined && chars === significantChars(edit.previous)) {
    const removed = before + direction;
    if (removed >= 0) [chars, before] = [chars.slice(0, removed) + chars.slice(removed + 1), removed];
  }
  const formatted = formatPhoneInput(chars, country, metadata);
  return { ...formatted, caret: caretAfter(formatted.value, before) };
}

/** The position just after the n-th digit (or leading +) of a formatted number. */
function caretAfter(value: string, count: number): number {
  if (count <= 0) return 0;
  return new RegExp(`^(?:[^\\d+]*[\\d+]){${count}}`).exec(value)?.[0].length ?? value.length;
}
