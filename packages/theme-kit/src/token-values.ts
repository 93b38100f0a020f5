import { COLOR_SCHEME_VALUES, renderedSchemes } from './color-scheme.js';

const MIN_FOCUS_RING_PX = 2;
const PIXELS = /^(\d*\.?\d+)px$/i;

/** Tokens whose value the element uses as it stands, so the check can hold it to its documented range. */
const VALUE_RULES: Readonly<Record<string, (value: string) => string | undefined>> = {
  '--otp-color-scheme': (value) => (renderedSchemes(value) ? undefined : `${value} is not ${COLOR_SCHEME_VALUES}`),
  // SC 2.4.7 Focus Visible: a ring thinner than 2px is easily missed (token-docs: at least 2px).
  '--otp-focus-ring-width': (value) => {
    const pixels = PIXELS.exec(value.trim())?.[1];
    return pixels !== undefined && parseFloat(pixels) >= MIN_FOCUS_RING_PX
      ? undefined
      : `${value} is not a width of at least ${MIN_FOCUS_RING_PX}px (write it in px)`;
  },
};

/** Why a theme's value for a token is out of the token's range; undefined when it is fine or unconstrained. */
export const tokenValueProblem = (token: string, value: string): string | undefined =>
  Object.hasOwn(VALUE_RULES, token) ? VALUE_RULES[token]?.(value) : undefined;
