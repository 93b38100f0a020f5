import { PAGE_PAIRS } from './page-pairs.js';
import { checkContrast, type ContrastResult } from './check-contrast.js';
import { schemesOf } from './color-scheme.js';
import { formatRatio } from './contrast.js';
import { internalName } from '@otp-verify/element/tokens';
import { hostScope } from './host-scope.js';
import { substitutionProblem, type Variables } from './resolve.js';
import { checkSvg } from './svg-check.js';
import { parseTheme, type ParsedTheme } from './theme-css.js';
import type { ThemeFolder } from './theme-folder.js';
import type { TokenSet } from './token-set.js';

export interface ThemeResult {
  brand: string;
  files: ThemeFolder['files'];
  /** Every problem, each naming the brand; the theme passes when there is none. */
  problems: string[];
  /** The element's pairs, then the page's, in each scheme the theme is seen in. */
  contrast: ContrastResult[];
}

const REQUIRED_ASSETS = ['theme.css', 'logo.svg'];

/** Checks one brand folder already read from disk: the theme's CSS, its contrast and its SVG assets. */
export function checkTheme(folder: ThemeFolder, tokenSet: TokenSet): ThemeResult {
  const { brand, files } = folder;
  const problems = [...folder.problems];
  for (const name of REQUIRED_ASSETS) if (!files.has(name)) problems.push(`${name} is missing`);
  for (const [name, content] of files) if (name.endsWith('.svg')) problems.push(...checkSvg(content.toString(), name));

  const css = files.get('theme.css');
  const { cssProblems, contrast } = css ? checkThemeCss(css.toString(), tokenSet) : { cssProblems: [], contrast: [] };
  problems.push(...cssProblems);
  return {
    brand,
    files,
    problems: [
      ...problems.map((problem) => `${brand}: ${problem}`),
      ...contrast.filter((result) => !result.passes).map((result) => contrastProblem(brand, result)),
    ],
    contrast,
  };
}

function checkThemeCss(css: string, tokenSet: TokenSet): { cssProblems: string[]; contrast: ContrastResult[] } {
  const theme = parseTheme(css, tokenSet);
  const scope = hostScope(tokenSet.defaults, theme.tokens, theme.pageVariables);
  return {
    cssProblems: [...theme.problems, ...ignoredTokens(theme, scope)],
    contrast: themeContrast(theme, scope, tokenSet),
  };
}

/** Tokens the browser drops (their var()s cannot be substituted on the host), painting the default instead. */
function ignoredTokens(theme: ParsedTheme, scope: Variables): string[] {
  return [...theme.tokens.keys()].flatMap((token) => {
    const problem = substitutionProblem(token, scope);
    return problem === undefined
      ? []
      : [
          `theme.css: ${token} is ignored by the browser, which uses its default: ${problem} ` +
            `(a token may refer to the tokens the theme sets and to --shop-* variables)`,
        ];
  });
}

function themeContrast(theme: ParsedTheme, scope: Variables, tokenSet: TokenSet): ContrastResult[] {
  const pageSchemes = schemesOf(theme.pageColorScheme);
  const elementSchemes = schemesOf(theme.tokens.get('--otp-color-scheme'), pageSchemes);
  const pagePairs = PAGE_PAIRS.filter(
    (pair) => theme.pageVariables.has(pair.foreground) && theme.pageVariables.has(pair.background),
  );
  return [
    ...checkContrast(tokenSet.pairs, scope, elementSchemes, '--otp-box-background', internalName),
    ...checkContrast(pagePairs, theme.pageVariables, pageSchemes, '--shop-bg'),
  ];
}

/** `nova (dark): --otp-color-muted on --otp-box-background is 3.9:1, needs 4.5:1 (hints, countdown)` */
export function contrastProblem(brand: string, result: ContrastResult): string {
  const { foreground, background, minimum, where } = result.pair;
  const verdict =
    result.ratio === undefined
      ? `cannot be checked: ${result.error}`
      : `is ${formatRatio(result.ratio)}, needs ${minimum}:1`;
  return `${brand} (${result.scheme}): ${foreground} on ${background} ${verdict} (${where})`;
}
