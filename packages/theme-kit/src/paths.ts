import { fileURLToPath } from 'node:url';

// src/ and dist/ sit at the same depth, so these hold for the tests and for the built CLI alike.
const REPO_ROOT = new URL('../../../', import.meta.url);

/** The repository's brand themes, one folder per brand. */
export const DEFAULT_THEMES_DIR = fileURLToPath(new URL('themes/', REPO_ROOT));
/** Next to the element's script, so `<link href=".../themes/<brand>/theme.css">` sits beside otp-verify.js. */
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('packages/element/dist/themes/', REPO_ROOT));
