import { createText } from './text.js';

// The English text under its former names, until every caller uses createText.
const { failure, ...english } = createText('en');

/** The element's English text. */
export const text = english;

/** A clear message with a way forward for each failure (see createText). */
export const failureMessage = failure;
