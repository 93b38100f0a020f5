// The phone step's number handling, on the libphonenumber-js "min" metadata the verifier serves for the brand.
export { asMetadata } from './metadata.js';
export type { PhoneMetadata } from './metadata.js';
export { countryOptions } from './countries.js';
export type { CountryOption } from './countries.js';
export { parsePhone } from './parse.js';
export type { PhoneResult } from './parse.js';
export { formatPhoneInput } from './format.js';
export { editPhone } from './caret.js';
