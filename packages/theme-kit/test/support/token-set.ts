import type { TokenSet } from '../../src/index.js';

/** A small token set for the parser's tests, independent of the element's real one. */
export const TEST_TOKENS: TokenSet = {
  defaults: {
    '--otp-color-brand': 'light-dark(#0b57d0, #a8c7fa)',
    '--otp-color-paper': 'light-dark(#ffffff, #17191c)',
    '--otp-color-ink': 'light-dark(#1f2328, #e6e8eb)',
    '--otp-color-scheme': 'inherit',
    '--otp-radius': '8px',
  },
  required: ['--otp-color-brand', '--otp-radius'],
  pairs: [{ foreground: '--otp-color-ink', background: '--otp-color-paper', minimum: 4.5, where: 'text' }],
};
