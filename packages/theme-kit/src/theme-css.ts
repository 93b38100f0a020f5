import postcss, { CssSyntaxError, type AtRule, type ChildNode, type Declaration, type Rule } from 'postcss';
import { COLOR_SCHEME_VALUES, renderedSchemes } from './color-scheme.js';
import { suggestName } from './suggest.js';
import { tokenValueProblem } from './token-values.js';
import type { TokenSet } from './token-set.js';

export interface ParsedTheme {
  /** The `--otp-*` tokens set on `otp-verify` (the last declaration wins, as in CSS). */
  tokens: ReadonlyMap<string, string>;
  /** The `--shop-*` page variables set on `:root`. */
  pageVariables: ReadonlyMap<string, string>;
  /** The page's `color-scheme` (on `:root`): the element follows it unless `--otp-color-scheme` is set. */
  pageColorScheme?: string;
  /** Why the file is refused, one sentence each, starting with `theme.css line N:`. */
  problems: readonly string[];
}

const ELEMENT_SELECTOR = 'otp-verify';
const PAGE_SELECTOR = ':root';
const TOKEN_PREFIX = '--otp-';
const PAGE_PREFIX = '--shop-';

/**
 * Reads a brand's theme.css: only `otp-verify { --otp-*: … }` and `:root { --shop-*: …; color-scheme: … }`
 * rules, only known tokens, every required token. The page's `color-scheme` is the one property allowed: it
 * decides which side of every `light-dark()` the page and the element show. Anything else could restyle the
 * element beyond its documented tokens or the page beyond the brand's variables, so it is refused with the reason.
 */
export function parseTheme(css: string, tokenSet: Pick<TokenSet, 'defaults' | 'required'>): ParsedTheme {
  const tokens = new Map<string, string>();
  const pageVariables = new Map<string, string>();
  let pageColorScheme: string | undefined;
  const problems: string[] = [];
  const knownTokens = Object.keys(tokenSet.defaults);
  const refuse = (node: ChildNode, reason: string) =>
    problems.push(`theme.css line ${node.source?.start?.line ?? '?'}: ${reason}`);

  const readElementDeclaration = (decl: Declaration) => {
    const problem = declarationProblem(decl) ?? tokenValueProblem(decl.prop, decl.value);
    if (problem) {
      refuse(decl, `${decl.prop}: ${problem}`);
    } else if (!decl.prop.startsWith(TOKEN_PREFIX)) {
      refuse(decl, `"${decl.prop}" is not a token: only --otp-* tokens may be set on otp-verify`);
    } else if (!knownTokens.includes(decl.prop)) {
      const suggestion = suggestName(decl.prop, knownTokens);
      refuse(decl, `unknown token ${decl.prop}${suggestion ? `: did you mean ${suggestion}?` : ''}`);
    } else {
      tokens.set(decl.prop, decl.value);
    }
  };
  const readPageDeclaration = (decl: Declaration) => {
    const problem = declarationProblem(decl);
    if (problem) refuse(decl, `${decl.prop}: ${problem}`);
    else if (decl.prop.startsWith(PAGE_PREFIX)) pageVariables.set(decl.prop, decl.value);
    else if (decl.prop !== 'color-scheme') {
      refuse(
        decl,
        `"${decl.prop}" is not a page variable: only --shop-* variables and color-scheme may be set on :root`,
      );
    } else if (renderedSchemes(decl.value)) pageColorScheme = decl.value.trim();
    else refuse(decl, `color-scheme: ${decl.value} is not ${COLOR_SCHEME_VALUES}`);
  };

  const readRule = (rule: Rule) => {
    const selector = rule.selector.trim();
    const readDeclaration =
      selector === ELEMENT_SELECTOR ? readElementDeclaration : selector === PAGE_SELECTOR ? readPageDeclaration : null;
    if (!readDeclaration) {
      refuse(rule, selectorProblem(selector));
      return;
    }
    for (const child of rule.nodes) {
      if (child.type === 'decl') readDeclaration(child);
      else if (child.type === 'atrule') refuse(child, atRuleProblem(child));
      else if (child.type === 'rule') refuse(child, `nested rule "${child.selector}" is not allowed`);
    }
  };

  let root: postcss.Root;
  try {
    root = postcss.parse(css);
  } catch (error) {
    if (!(error instanceof CssSyntaxError)) throw error;
    return { tokens, pageVariables, problems: [`theme.css line ${error.line ?? '?'}: not valid CSS: ${error.reason}`] };
  }
  for (const node of root.nodes) {
    if (node.type === 'rule') readRule(node);
    else if (node.type === 'atrule') refuse(node, atRuleProblem(node));
    else if (node.type === 'decl') refuse(node, `"${node.prop}" is outside a rule`);
  }
  for (const name of tokenSet.required) {
    if (!tokens.has(name)) problems.push(`theme.css: required token ${name} is missing`);
  }
  return { tokens, pageVariables, pageColorScheme, problems };
}

/**
 * A theme fetches nothing: a url() in a token (a background, say) would load a tracker or a fake "pay here"
 * image into every checkout page. CSS escapes are refused too, since `\75 rl(` is also `url(`. `!important` is
 * refused because the browser would paint the important declaration, not the last one the check measured.
 */
function declarationProblem({ value, important }: Declaration): string | undefined {
  if (important) return '!important is not allowed: a theme sets each token once';
  if (value.includes('\\')) return 'escapes (\\) are not allowed in a theme';
  if (/(url|image-set|image|src)\(/i.test(value)) return `"${value}" loads a resource: a theme fetches nothing`;
  return undefined;
}

function selectorProblem(selector: string): string {
  if (selector.includes('::part(')) {
    return `selector "${selector}" is not allowed: ::part() reaches into the element; use its tokens`;
  }
  return `selector "${selector}" is not allowed: only otp-verify (--otp-* tokens) and :root (--shop-* variables)`;
}

function atRuleProblem(atRule: AtRule): string {
  if (atRule.name === 'media' && atRule.params.includes('prefers-color-scheme')) {
    return (
      `@media ${atRule.params} is not allowed: write dark values with light-dark(light, dark); ` +
      `the page's color-scheme (or --otp-color-scheme) decides`
    );
  }
  if (atRule.name === 'import') return `@import is not allowed: a theme is one self-contained file`;
  return `@${atRule.name} is not allowed: a theme only sets tokens`;
}
