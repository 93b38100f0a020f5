import { BRAND_ID_PATTERN } from '@otp-verify/protocol';

/**
 * A brand's theme.css confined to the gallery cells marked `data-theme="<id>"`, so every brand shares one page:
 * wrapped in `@scope`, with `:root` (the page variables) moved to the cell. Themes hold only `:root` and
 * `otp-verify` rules, and inside `@scope` any other selector could only reach the cell's own content.
 */
export function scopeTheme(id: string, css: string): string {
  if (!BRAND_ID_PATTERN.test(id)) throw new Error(`"${id}" is not a brand id`);
  return `@scope ([data-theme="${id}"]) {\n${css.replace(/:root(?![\w-])/g, ':scope')}\n}\n`;
}
