/**
 * The public theme tokens: what a brand's theme.css may set on `otp-verify`, in three tiers. Brand primitives
 * feed the semantic tokens, which feed the component tokens; each default is written in terms of the tier
 * above, so a theme that sets only the primitives is complete. `light-dark()` defaults follow the page's
 * `color-scheme` (or `--otp-color-scheme`). Descriptions and contrast roles: token-docs.ts.
 */
export const TOKEN_DEFAULTS = {
  // Brand primitives
  '--otp-color-brand': 'light-dark(#0b57d0, #a8c7fa)',
  '--otp-color-on-brand': 'light-dark(#ffffff, #062e6f)',
  '--otp-color-paper': 'light-dark(#ffffff, #17191c)',
  '--otp-color-ink': 'light-dark(#1f2328, #e6e8eb)',
  '--otp-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  '--otp-font-size': '1rem',
  '--otp-radius': '8px',
  '--otp-space': '8px',
  '--otp-color-scheme': 'inherit',

  // Semantic
  '--otp-color-surface': 'var(--otp-color-paper)',
  '--otp-color-text': 'var(--otp-color-ink)',
  '--otp-color-muted': 'color-mix(in srgb, var(--otp-color-text) 74%, var(--otp-color-surface))',
  '--otp-color-accent': 'var(--otp-color-brand)',
  '--otp-color-on-accent': 'var(--otp-color-on-brand)',
  '--otp-color-accent-text': 'var(--otp-color-accent)',
  '--otp-color-danger': 'light-dark(#b3261e, #ffb4ab)',
  '--otp-color-success': 'light-dark(#146c2e, #6dd58c)',
  '--otp-color-border': 'color-mix(in srgb, var(--otp-color-text) 62%, var(--otp-color-surface))',
  '--otp-color-focus': 'var(--otp-color-accent-text)',
  '--otp-focus-ring-width': '3px',

  // Components
  '--otp-box-background': 'var(--otp-color-surface)',
  '--otp-box-border': '1px solid color-mix(in srgb, var(--otp-color-border) 40%, transparent)',
  '--otp-box-padding': 'calc(var(--otp-space) * 3)',
  '--otp-box-radius': 'var(--otp-radius)',
  '--otp-box-shadow': 'none',
  '--otp-heading-size': '1.125em',
  '--otp-field-background': 'var(--otp-color-surface)',
  '--otp-field-text': 'var(--otp-color-text)',
  '--otp-field-border': 'var(--otp-color-border)',
  '--otp-field-radius': 'var(--otp-radius)',
  '--otp-button-background': 'var(--otp-color-accent)',
  '--otp-button-text': 'var(--otp-color-on-accent)',
  '--otp-button-background-hover': 'color-mix(in srgb, var(--otp-button-background) 88%, black)',
  '--otp-button-radius': 'var(--otp-radius)',
  '--otp-code-slot-background': 'var(--otp-field-background)',
  '--otp-code-slot-border': 'var(--otp-field-border)',
  '--otp-error-background': 'color-mix(in srgb, var(--otp-color-danger) 8%, var(--otp-color-surface))',
  '--otp-success-background': 'color-mix(in srgb, var(--otp-color-success) 8%, var(--otp-color-surface))',
} as const;

export type TokenName = keyof typeof TOKEN_DEFAULTS;
