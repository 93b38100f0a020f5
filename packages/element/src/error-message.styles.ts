import { css } from 'lit';

/** How an error message looks, in the shadow root and beside the light-DOM code field alike. */
export const errorMessageLook = css`
  padding: var(--_space) calc(var(--_space) * 1.5);
  border-inline-start: 4px solid var(--_danger);
  border-radius: calc(var(--_radius) / 2);
  background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  color: var(--_danger);
  font-weight: 500;
`;
