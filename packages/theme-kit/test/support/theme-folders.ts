import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

export const SAFE_LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Fixture</title><rect width="10" height="10"/></svg>';

/** The element's required tokens, with the default colours: a theme that passes in light and dark. */
export const REQUIRED_TOKENS = `
  --otp-color-brand: light-dark(#0b57d0, #a8c7fa);
  --otp-color-on-brand: light-dark(#ffffff, #062e6f);
  --otp-font-family: system-ui, sans-serif;
  --otp-radius: 8px;`;

export const themeCss = (extraTokens = '', rest = '') => `otp-verify {${REQUIRED_TOKENS}${extraTokens}\n}\n${rest}`;

/** A temporary themes folder, removed after the test: brand → file name → content. */
export async function makeThemesDir(brands: Record<string, Record<string, string | Buffer>>): Promise<string> {
  const themesDir = await mkdtemp(path.join(tmpdir(), 'otp-themes-'));
  onTestFinished(() => rm(themesDir, { recursive: true, force: true }));
  for (const [brand, files] of Object.entries(brands)) {
    await mkdir(path.join(themesDir, brand));
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(themesDir, brand, name), content);
  }
  return themesDir;
}

/** One brand with a safe logo and the given theme.css. */
export const themesDirWithTheme = (css: string, brand = 'fixture') =>
  makeThemesDir({ [brand]: { 'theme.css': css, 'logo.svg': SAFE_LOGO } });
