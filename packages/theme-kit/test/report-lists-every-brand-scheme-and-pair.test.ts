import { describe, expect, it } from 'vitest';
import { checkThemes, ELEMENT_TOKEN_SET, formatContrastReport } from '../src/index.js';
import { themeCss, themesDirWithTheme } from './support/theme-folders.js';

describe('the contrast report', () => {
  it('has a Markdown row per brand, scheme and pair, with the ratio, the minimum and the verdict', async () => {
    const css = themeCss('\n  --otp-color-muted: light-dark(#595959, #595959);');
    const results = await checkThemes(await themesDirWithTheme(css, 'nova'), ELEMENT_TOKEN_SET);
    const lines = formatContrastReport(results, { markdown: true }).split('\n');

    expect(lines[0]).toBe('| Brand | Scheme | Foreground | Background | Where | Ratio | Needs | Result |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(lines).toHaveLength(2 + ELEMENT_TOKEN_SET.pairs.length * 2);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\| nova \| light \| --otp-color-muted \| --otp-box-background \| .+ \| 7(\.\d+)?:1 \| 4\.5:1 \| pass \|$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\| nova \| dark \| --otp-color-muted \| --otp-box-background \| .+ \| 2\.\d+:1 \| 4\.5:1 \| FAIL \|$/,
      ),
    );
  });

  it('shows an unresolvable colour as an error, not a ratio', async () => {
    const css = themeCss('\n  --otp-color-scheme: light;\n  --otp-color-danger: bluish;');
    const report = formatContrastReport(await checkThemes(await themesDirWithTheme(css), ELEMENT_TOKEN_SET));
    expect(report).toMatch(
      /^fixture +light +--otp-color-danger +--otp-error-background .+ +- +4\.5:1 +error: "bluish" is not a colour$/m,
    );
  });

  it('escapes a | coming from a theme value, so the Markdown table keeps its columns', async () => {
    const css = themeCss('\n  --otp-color-scheme: light;\n  --otp-color-danger: red|blue;');
    const results = await checkThemes(await themesDirWithTheme(css), ELEMENT_TOKEN_SET);
    const row = formatContrastReport(results, { markdown: true })
      .split('\n')
      .find((line) => line.includes('red'));
    expect(row).toContain('error: "red\\|blue" is not a colour');
    expect(row?.split(/(?<!\\)\|/)).toHaveLength(10);
  });
});
