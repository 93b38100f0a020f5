import type { Scheme } from './resolve.js';

const BOTH: readonly Scheme[] = ['light', 'dark'];

/**
 * The schemes `light-dark()` picks under a `color-scheme` value, or undefined when a theme may not set it:
 * `normal` (the initial value) renders light, `light` or `dark` one, `light dark` (either order) both, the
 * visitor's preference deciding. `only` (no forced darkening) changes none of that.
 */
export function renderedSchemes(colorScheme: string): readonly Scheme[] | undefined {
  const words = colorScheme.trim().toLowerCase().split(/\s+/);
  const schemes = words[0] === 'only' ? words.slice(1) : words;
  if (schemes.length === 1 && schemes[0] === 'normal' && words.length === 1) return ['light'];
  if (schemes.length === 1 && (schemes[0] === 'light' || schemes[0] === 'dark')) return [schemes[0]];
  if (schemes.length === 2 && schemes.includes('light') && schemes.includes('dark')) return BOTH;
  return undefined;
}

/**
 * The schemes an element is seen in: its own `color-scheme` when set, else what it inherits. A page that sets
 * none is checked in both, since the page embedding the element may set either.
 */
export function schemesOf(colorScheme: string | undefined, inherited: readonly Scheme[] = BOTH): readonly Scheme[] {
  return (colorScheme === undefined ? undefined : renderedSchemes(colorScheme)) ?? inherited;
}

export const COLOR_SCHEME_VALUES = 'light, dark, light dark, dark light or normal';
