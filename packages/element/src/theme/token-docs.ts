import type { TokenName } from './tokens.js';

export type TokenTier = 'brand' | 'semantic' | 'component';

export interface TokenDoc {
  tier: TokenTier;
  /** A brand theme must set it (the theme check refuses a theme without it). */
  required?: true;
  description: string;
}

/** What each token is for; the theme check, the README table and the gallery read it. */
export const TOKEN_DOCS: Readonly<Record<TokenName, TokenDoc>> = {
  '--otp-color-brand': { tier: 'brand', required: true, description: 'the brand’s main colour: buttons, links' },
  '--otp-color-on-brand': { tier: 'brand', required: true, description: 'text and icons on the brand colour' },
  '--otp-color-paper': { tier: 'brand', description: 'the background of the brand’s pages' },
  '--otp-color-ink': { tier: 'brand', description: 'the text colour of the brand’s pages' },
  '--otp-font-family': { tier: 'brand', required: true, description: 'the brand’s typeface stack' },
  '--otp-font-size': { tier: 'brand', description: 'the base size; every other size is relative to it' },
  '--otp-radius': { tier: 'brand', required: true, description: 'the brand’s corner radius' },
  '--otp-space': { tier: 'brand', description: 'the spacing unit; gaps and paddings are multiples of it' },
  '--otp-color-scheme': {
    tier: 'brand',
    description: '`light`, `dark` or `light dark`; unset, the element follows the page’s `color-scheme`',
  },
  '--otp-color-surface': { tier: 'semantic', description: 'the element’s background' },
  '--otp-color-text': { tier: 'semantic', description: 'text and typed values' },
  '--otp-color-muted': { tier: 'semantic', description: 'hints, countdown, "codes left"' },
  '--otp-color-accent': { tier: 'semantic', description: 'the primary action’s background' },
  '--otp-color-on-accent': { tier: 'semantic', description: 'text on the accent' },
  '--otp-color-accent-text': {
    tier: 'semantic',
    description: 'the accent as text or outline on the surface (links, secondary buttons)',
  },
  '--otp-color-danger': { tier: 'semantic', description: 'error text and the invalid field’s border' },
  '--otp-color-success': { tier: 'semantic', description: 'the "Phone verified" state' },
  '--otp-color-border': { tier: 'semantic', description: 'borders of fields and code slots' },
  '--otp-color-focus': { tier: 'semantic', description: 'the focus ring and the active code slot' },
  '--otp-focus-ring-width': { tier: 'semantic', description: 'the focus ring’s width (at least 2px)' },
  '--otp-box-background': { tier: 'component', description: 'the box around every step' },
  '--otp-box-border': { tier: 'component', description: 'the box’s border (a `border` shorthand)' },
  '--otp-box-padding': { tier: 'component', description: 'the space inside the box' },
  '--otp-box-radius': { tier: 'component', description: 'the box’s corners' },
  '--otp-box-shadow': { tier: 'component', description: 'the box’s shadow (a `box-shadow`)' },
  '--otp-heading-size': { tier: 'component', description: 'the step’s heading size' },
  '--otp-field-background': { tier: 'component', description: 'phone and country fields' },
  '--otp-field-text': { tier: 'component', description: 'what is typed in a field' },
  '--otp-field-border': { tier: 'component', description: 'a field’s border colour' },
  '--otp-field-radius': { tier: 'component', description: 'a field’s corners' },
  '--otp-button-background': { tier: 'component', description: 'the primary button' },
  '--otp-button-text': { tier: 'component', description: 'the primary button’s label' },
  '--otp-button-background-hover': { tier: 'component', description: 'the primary button under the pointer' },
  '--otp-button-radius': { tier: 'component', description: 'buttons’ corners (a large value makes pills)' },
  '--otp-code-slot-background': { tier: 'component', description: 'each digit’s box in the code field' },
  '--otp-code-slot-border': { tier: 'component', description: 'each digit box’s border' },
  '--otp-error-background': { tier: 'component', description: 'the error message’s tint' },
  '--otp-success-background': { tier: 'component', description: 'the "Phone verified" box’s tint' },
};

export interface ContrastPair {
  foreground: TokenName;
  background: TokenName;
  /** WCAG 2.2 AA: 4.5 for text (1.4.3), 3 for UI components and the focus indicator (1.4.11). */
  minimum: 4.5 | 3;
  /** Where the element paints this pair. */
  where: string;
}

const text = (foreground: TokenName, background: TokenName, where: string): ContrastPair => ({
  foreground,
  background,
  minimum: 4.5,
  where,
});
const ui = (foreground: TokenName, background: TokenName, where: string): ContrastPair => ({
  foreground,
  background,
  minimum: 3,
  where,
});

/** Every colour pair the element paints, with the contrast WCAG 2.2 AA asks of it. */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  text('--otp-color-text', '--otp-box-background', 'headings, labels, text'),
  text('--otp-color-muted', '--otp-box-background', 'hints, countdown'),
  text('--otp-color-accent-text', '--otp-box-background', 'links, secondary buttons'),
  text('--otp-color-danger', '--otp-error-background', 'error messages'),
  text('--otp-color-success', '--otp-success-background', '"Phone verified"'),
  text('--otp-color-text', '--otp-success-background', 'text in the verified box'),
  text('--otp-field-text', '--otp-field-background', 'typed phone number, country'),
  text('--otp-field-text', '--otp-code-slot-background', 'code digits'),
  text('--otp-button-text', '--otp-button-background', 'primary button'),
  text('--otp-button-text', '--otp-button-background-hover', 'primary button under the pointer'),
  text('--otp-color-on-accent', '--otp-color-accent', 'the chosen country in the country list'),
  ui('--otp-field-border', '--otp-box-background', 'field borders'),
  ui('--otp-code-slot-border', '--otp-box-background', 'code slot borders'),
  ui('--otp-color-danger', '--otp-field-background', 'the invalid field’s border'),
  ui('--otp-color-danger', '--otp-box-background', 'the invalid field’s border against the box'),
  ui('--otp-color-muted', '--otp-field-background', 'the country field’s ▾'),
  ui('--otp-color-focus', '--otp-box-background', 'focus ring'),
  ui('--otp-color-focus', '--otp-code-slot-background', 'active code slot'),
];
