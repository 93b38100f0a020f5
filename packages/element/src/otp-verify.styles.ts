import { css } from 'lit';
import { errorMessageLook } from './error-message.styles.js';

/** Everything a theme may change is a `--otp-*` token; the fallbacks make it look right with no theme. */
export const styles = css`
  :host {
    --_font: var(--otp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--otp-font-size, 1rem);
    --_surface: var(--otp-color-surface, #ffffff);
    --_text: var(--otp-color-text, #1f2328);
    --_muted: var(--otp-color-muted, #59636e);
    --_accent: var(--otp-color-accent, #0b57d0);
    --_on-accent: var(--otp-color-on-accent, #ffffff);
    --_accent-text: var(--otp-color-accent-text, var(--_accent));
    --_danger: var(--otp-color-danger, #b3261e);
    --_success: var(--otp-color-success, #146c2e);
    --_border: var(--otp-color-border, #6e7781);
    --_radius: var(--otp-radius, 8px);
    --_focus-ring: var(--otp-focus-ring, 3px solid var(--_accent-text));
    --_space: var(--otp-space, 8px);

    display: block;
    color-scheme: var(--otp-color-scheme, normal);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
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
    padding: calc(var(--_space) * 3);
    border: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius);
    background: var(--_surface);
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
    font-size: 1.125em;
    font-weight: 650;
  }

  p {
    margin: 0;
  }

  .hint {
    color: var(--_muted);
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
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
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
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .primary {
    width: 100%;
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }

  .secondary {
    background: transparent;
    border-color: var(--_accent-text);
    color: var(--_accent-text);
  }

  .link {
    padding: 0 calc(var(--_space) / 2);
    background: none;
    color: var(--_accent-text);
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
    outline: var(--_focus-ring);
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
    border: 1px solid var(--_success);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
  }

  .success svg {
    flex: none;
    color: var(--_success);
  }

  .success strong {
    display: block;
    color: var(--_success);
    font-size: 1.125em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* More contrast asked for: borders and hints in the text colour, thicker field borders. */
  @media (prefers-contrast: more) {
    :host {
      --_border: var(--_text);
      --_muted: var(--_text);
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
