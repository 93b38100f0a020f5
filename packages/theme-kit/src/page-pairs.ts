import type { ContrastPair } from './token-set.js';

const PAGE_TEXT: readonly [foreground: string, background: string, where: string][] = [
  ['--shop-text', '--shop-bg', 'page text'],
  ['--shop-text', '--shop-surface', 'text on cards'],
  ['--shop-muted', '--shop-bg', 'secondary page text'],
  ['--shop-muted', '--shop-surface', 'secondary text on cards'],
  ['--shop-accent-text', '--shop-bg', 'page links'],
  ['--shop-accent-text', '--shop-surface', 'links on cards'],
  ['--shop-on-accent', '--shop-accent', 'page buttons'],
];

/** The demo shop page's colours (`--shop-*` on `:root`), text all (4.5:1), checked where a theme sets both of a pair. */
export const PAGE_PAIRS: readonly ContrastPair[] = PAGE_TEXT.map(([foreground, background, where]) => ({
  foreground,
  background,
  minimum: 4.5,
  where,
}));
