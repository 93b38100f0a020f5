import postcss from 'postcss';

/**
 * A theme as a brand's checkout page loads it: the `otp-verify` rules only. The `:root` rules (`--shop-*`,
 * `color-scheme`) dress the demo shop's page and must not reach another page, where they would change its colour
 * scheme and add variables of ours.
 */
export function elementOnlyCss(css: string): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.selector.trim() === ':root') rule.remove();
  });
  return `${root.toString().trim()}\n`;
}
