import { blend, wcagContrast, type Rgb } from 'culori';
import type { Scheme } from './resolve.js';

/**
 * The WCAG 2.2 contrast ratio of two opaque colours, (L1 + 0.05) / (L2 + 0.05) with L the relative luminance
 * (culori's wcagContrast implements the WCAG definition).
 */
export function contrastRatio(foreground: Rgb, background: Rgb): number {
  return wcagContrast(foreground, background);
}

/** A translucent colour as it looks painted over an opaque one (source-over compositing). */
export function composite(top: Rgb, bottom: Rgb): Rgb {
  return blend([bottom, top], 'normal', 'rgb');
}

/** What shows through a translucent page or box background: the browser's canvas (Chromium's dark canvas). */
export const CANVAS: Readonly<Record<Scheme, Rgb>> = {
  light: { mode: 'rgb', r: 1, g: 1, b: 1 },
  dark: { mode: 'rgb', r: 0x12 / 255, g: 0x12 / 255, b: 0x12 / 255 },
};

/**
 * A ratio as people quote it (WebAIM's checker too): cut, not rounded, to two decimals, so a ratio that fails
 * never reads as the minimum (4.499 is 4.49:1, not 4.5:1).
 */
export function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}
