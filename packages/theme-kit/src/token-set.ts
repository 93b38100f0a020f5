import type { ContrastPair as ElementContrastPair } from '@otp-verify/element/tokens';

/** The element's contrast pair, naming any two custom properties (the page's pairs name `--shop-*` ones). */
export type ContrastPair = Omit<ElementContrastPair, 'foreground' | 'background'> & {
  foreground: string;
  background: string;
};

/**
 * What a theme is checked against: the element's token set, passed in rather than imported so the parser,
 * resolver and contrast maths are pure and testable with any token set.
 */
export interface TokenSet {
  /** Every known token and its default value (which may refer to other tokens). */
  defaults: Readonly<Record<string, string>>;
  /** Tokens a theme must set. */
  required: readonly string[];
  pairs: readonly ContrastPair[];
}
