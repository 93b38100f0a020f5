// The catalogs and locale rules without the element or the DOM, for the verifier that serves them
// (package export "@otp-verify/element/i18n").
export type { Catalog, Message, MessageKey, Messages } from './catalog.js';
export { placeholdersOf } from './catalog.js';
export type { Locale } from './negotiate.js';
export { LOCALES, isLocale, negotiateLocale, textDirection } from './negotiate.js';
export { catalogs } from './locales/index.js';
