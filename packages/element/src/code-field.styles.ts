import { css } from 'lit';
import { errorMessageLook } from './error-message.styles.js';

/**
 * The code field lives in the light DOM (see light-dom-styles.ts), so these rules are scoped to it and
 * specific enough to win over a page's own `input` or `label` rules. The `--_*` values inherit from the host.
 */
export const codeFieldStyles = css`
  otp-verify > .otp-verify-code {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    font: inherit;
    color: var(--_color-text);
    text-align: start;
  }

  otp-verify > .otp-verify-code > label {
    display: block;
    margin: 0;
    font-weight: 600;
  }

  otp-verify > .otp-verify-code > p {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  .otp-verify-code .otp-verify-code-box {
    position: relative;
    /* Room after the digits for a password manager's badge, which sits at the input's end. */
    width: fit-content;
    max-width: 100%;
    padding-inline-end: 2.75rem;
  }

  .otp-verify-code .otp-verify-code-slots {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 3rem);
    gap: var(--_space);
    direction: ltr;
  }

  .otp-verify-code .otp-verify-code-slot {
    display: grid;
    place-items: center;
    height: 3.5rem;
    min-width: 0;
    border: 1px solid var(--_code-slot-border);
    border-radius: var(--_field-radius);
    background: var(--_code-slot-background);
    color: var(--_field-text);
    font-size: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .otp-verify-code input[aria-invalid='true'] ~ .otp-verify-code-slots .otp-verify-code-slot {
    border: 2px solid var(--_color-danger);
  }

  .otp-verify-code input:focus-visible ~ .otp-verify-code-slots .otp-verify-code-slot[data-active] {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: 2px;
  }

  .otp-verify-code input:focus ~ .otp-verify-code-slots .otp-verify-code-slot[data-active]:empty::after {
    content: '';
    width: 2px;
    height: 1.25em;
    background: currentColor;
  }

  /* The real input covers the slots, invisible, so taps, long-press paste and autofill all reach it. */
  otp-verify > .otp-verify-code input.otp-verify-code-input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    outline: none;
    background: transparent;
    color: transparent;
    caret-color: transparent;
    font-size: 16px;
    letter-spacing: 0;
    forced-color-adjust: none;
    box-shadow: none;
    appearance: none;
  }

  .otp-verify-code input.otp-verify-code-input::selection {
    background: transparent;
  }

  otp-verify > .otp-verify-code > [role='alert']:not(:empty) {
    ${errorMessageLook}
  }

  @media (forced-colors: active) {
    .otp-verify-code .otp-verify-code-slot {
      border-color: CanvasText;
    }

    .otp-verify-code input:focus ~ .otp-verify-code-slots .otp-verify-code-slot[data-active] {
      outline: 3px solid Highlight;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .otp-verify-code input:focus ~ .otp-verify-code-slots .otp-verify-code-slot[data-active]:empty::after {
      animation: otp-verify-caret 1s steps(1) infinite;
    }
  }

  @keyframes otp-verify-caret {
    50% {
      opacity: 0;
    }
  }
`;
