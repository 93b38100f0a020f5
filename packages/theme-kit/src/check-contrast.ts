import { CANVAS, composite, contrastRatio } from './contrast.js';
import { resolveVariable, type Resolution, type Scheme, type Variables } from './resolve.js';
import type { ContrastPair } from './token-set.js';

export interface ContrastResult {
  scheme: Scheme;
  pair: ContrastPair;
  /** Undefined when a colour could not be resolved (see error). */
  ratio?: number;
  error?: string;
  passes: boolean;
}

/**
 * Every pair's contrast in every scheme. A translucent foreground is composited over its background first, a
 * translucent background over the backdrop (the box or the page background), and that over the canvas.
 * `paintedAs` names the property the painting rules read for a pair's name (the element's `--_x` for `--otp-x`).
 */
export function checkContrast(
  pairs: readonly ContrastPair[],
  variables: Variables,
  schemes: readonly Scheme[],
  backdrop: string,
  paintedAs: (name: string) => string = (name) => name,
): ContrastResult[] {
  return schemes.flatMap((scheme) => {
    const resolve = (name: string): Resolution => resolveVariable(paintedAs(name), variables, scheme);
    const opaqueBackdrop = (): Resolution => {
      const resolved = resolve(backdrop);
      return 'error' in resolved ? resolved : { colour: composite(resolved.colour, CANVAS[scheme]) };
    };
    return pairs.map((pair): ContrastResult => {
      const foreground = resolve(pair.foreground);
      const background = pair.background === backdrop ? opaqueBackdrop() : resolve(pair.background);
      if ('error' in foreground) return { scheme, pair, error: foreground.error, passes: false };
      if ('error' in background) return { scheme, pair, error: background.error, passes: false };
      let backgroundColour = background.colour;
      if ((backgroundColour.alpha ?? 1) < 1) {
        const under = opaqueBackdrop();
        if ('error' in under) return { scheme, pair, error: `under ${pair.background}: ${under.error}`, passes: false };
        backgroundColour = composite(backgroundColour, under.colour);
      }
      const ratio = contrastRatio(composite(foreground.colour, backgroundColour), backgroundColour);
      return { scheme, pair, ratio, passes: ratio >= pair.minimum };
    });
  });
}
