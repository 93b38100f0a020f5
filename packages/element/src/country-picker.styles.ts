import { css } from 'lit';

/** The country picker's look; it uses the element's theme tokens (see otp-verify.styles.ts). */
export const countryPickerStyles = css`
  .label {
    font-weight: 600;
  }

  .picker {
    position: relative;
  }

  .picker::after {
    content: '▾';
    content: '▾' / '';
    position: absolute;
    inset-inline-end: calc(var(--_space) * 1.5);
    inset-block-start: 50%;
    translate: 0 -50%;
    color: var(--_color-muted);
    pointer-events: none;
  }

  .picker input {
    padding-inline-end: calc(var(--_space) * 4);
    text-overflow: ellipsis;
  }

  .single {
    display: flex;
    align-items: center;
    min-block-size: 44px;
  }

  #country-list {
    position: absolute;
    z-index: 1;
    inset-inline: 0;
    inset-block-start: calc(100% + var(--_space) / 2);
    max-block-size: min(18rem, 50vh);
    overflow-y: auto;
    overscroll-behavior: contain;
    margin: 0;
    padding: calc(var(--_space) / 2) 0;
    list-style: none;
    border: 1px solid var(--_field-border);
    border-radius: var(--_field-radius);
    background: var(--_field-background);
    color: var(--_field-text);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.16);
  }

  [role='option'] {
    display: flex;
    align-items: center;
    min-block-size: 44px;
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    cursor: pointer;
  }

  .chosen {
    font-weight: 600;
  }

  @media (hover: hover) {
    [role='option']:not([aria-disabled], [aria-selected='true']):hover {
      background: color-mix(in srgb, var(--_color-accent) 10%, var(--_field-background));
    }
  }

  [role='option'][aria-selected='true'] {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  [role='option'][aria-disabled='true'] {
    color: var(--_color-muted);
    cursor: default;
  }

  @media (forced-colors: active) {
    [role='option'][aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    #country-list {
      animation: country-list-in 120ms ease-out;
    }
  }

  @keyframes country-list-in {
    from {
      opacity: 0;
    }
  }
`;
