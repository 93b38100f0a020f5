import { css, unsafeCSS } from 'lit';
import { errorMessageLook } from './error-message.styles.js';
import { lightOnlyTokenProperties, tokenProperties } from './theme/token-properties.js';

/**
 * Everything a theme may change is a `--otp-*` token (theme/tokens.ts); the rules read them through the host's
 * internal `--_*` copies, which hold the defaults, so the element looks right with no theme.
 */
export const styles = css`
  :host {
    ${unsafeCSS(tokenProperties)}

    display: block;
    color-scheme: var(--otp-color-scheme);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_color-text);
  }

  @supports not (color: light-dark(#000, #fff)) {
    :host {
      ${unsafeCSS(lightOnlyTokenProperties)}
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  form {
    position: relative;
    padding: var(--_box-padding);
    border: var(--_box-border);
    border-radius: var(--_box-radius);
    background: var(--_box-background);
    box-shadow: var(--_box-shadow);
  }

  fieldset {
    margin: 0;
    padding: 0;
    min-width: 0;
    border: 0;
  }

  fieldset > * {
    margin: 0;
  }

  fieldset > * + * {
    margin-block-start: calc(var(--_space) * 2);
  }

  legend {
    padding: 0;
    margin-block-end: var(--_space);
    font-size: var(--_heading-size);
    font-weight: 650;
  }

  p {
    margin: 0;
  }

  .hint {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .phone-row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1.5);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .country {
    flex: 1 1 15rem;
  }

  .number {
    flex: 1 1 11rem;
  }

  label {
    font-weight: 600;
  }

  input {
    width: 100%;
    min-height: 44px;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_field-border);
    border-radius: var(--_field-radius);
    background: var(--_field-background);
    color: var(--_field-text);
    font: inherit;
  }

  input[aria-invalid='true'] {
    border: 2px solid var(--_color-danger);
  }

  /* The alert stays in the page while empty, so screen readers announce the messages put in it. */
  #error:not(.shown) {
    margin: 0;
  }

  #error.shown {
    ${errorMessageLook}
  }

  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0 calc(var(--_space) * 2.5);
    border: 2px solid transparent;
    border-radius: var(--_button-radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .primary {
    width: 100%;
    background: var(--_button-background);
    color: var(--_button-text);
  }

  .primary:hover {
    background: var(--_button-background-hover);
  }

  .secondary {
    background: transparent;
    border-color: var(--_color-accent-text);
    color: var(--_color-accent-text);
  }

  .link {
    padding: 0 calc(var(--_space) / 2);
    background: none;
    color: var(--_color-accent-text);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .busy {
    cursor: progress;
  }

  .busy::after {
    content: '';
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-start: var(--_space);
    vertical-align: -0.15em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
  }

  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: 2px;
  }

  .resend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }

  .success {
    display: flex;
    gap: calc(var(--_space) * 1.5);
    align-items: flex-start;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-success);
    border-radius: var(--_radius);
    background: var(--_success-background);
  }

  .success svg {
    flex: none;
    color: var(--_color-success);
  }

  .success strong {
    display: block;
    color: var(--_color-success);
    font-size: var(--_heading-size);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* More contrast asked for: borders and hints in the text colour (whatever the theme set), thicker field borders. */
  @media (prefers-contrast: more) {
    :host {
      --_color-border: var(--_color-text);
      --_field-border: var(--_color-text);
      --_code-slot-border: var(--_color-text);
      --_color-muted: var(--_color-text);
    }

    input {
      border-width: 2px;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition:
        background-color 120ms ease-out,
        opacity 120ms ease-out;
    }

    .busy::after {
      animation: spin 0.8s linear infinite;
    }
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
