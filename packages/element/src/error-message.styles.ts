import { css } from 'lit';

/** How an error message looks, in the shadow root and beside the light-DOM code field alike. */
export const errorMessageLook = css`
  padding: var(--_space) calc(var(--_space) * 1.5);
  border-inline-start: 4px solid var(--_color-danger);
  border-radius: calc(var(--_radius) / 2);
  background: var(--_error-background);
  color: var(--_color-danger);
  font-weight: 500;
`;
