import { describe, expect, it } from 'vitest';
import { parseTheme } from '../src/index.js';
import { TEST_TOKENS } from './support/token-set.js';

const REQUIRED = '--otp-color-brand: #0b57d0; --otp-radius: 4px;';
const parse = (css: string) => parseTheme(css, TEST_TOKENS);
const problemsOf = (css: string) => parse(css).problems;

describe('a theme file', () => {
  it('passes with known tokens on otp-verify and --shop-* variables and color-scheme on :root', () => {
    const theme = parse(`:root { color-scheme: light dark; --shop-bg: #fff; }\notp-verify { ${REQUIRED} }`);
    expect(theme.problems).toEqual([]);
    expect(Object.fromEntries(theme.tokens)).toEqual({ '--otp-color-brand': '#0b57d0', '--otp-radius': '4px' });
    expect(Object.fromEntries(theme.pageVariables)).toEqual({ '--shop-bg': '#fff' });
    expect(theme.pageColorScheme).toBe('light dark');
  });

  it('keeps the last of two declarations of a token, as CSS does', () => {
    expect(parse(`otp-verify { ${REQUIRED} --otp-radius: 12px; }`).tokens.get('--otp-radius')).toBe('12px');
  });

  it('refuses a misspelt token and suggests the one it resembles', () => {
    expect(problemsOf(`otp-verify {\n  ${REQUIRED}\n  --otp-colour-brand: red;\n}`)).toEqual([
      'theme.css line 3: unknown token --otp-colour-brand: did you mean --otp-color-brand?',
    ]);
  });

  it('refuses an unknown token without a far-fetched suggestion', () => {
    expect(problemsOf(`otp-verify { ${REQUIRED} --otp-sparkles: on; }`)).toEqual([
      'theme.css line 1: unknown token --otp-sparkles',
    ]);
  });

  it('refuses a theme without a required token, naming it', () => {
    expect(problemsOf('otp-verify { --otp-color-brand: #0b57d0; }')).toEqual([
      'theme.css: required token --otp-radius is missing',
    ]);
  });

  it.each([
    ['.checkout otp-verify { --otp-radius: 0; }', 'selector ".checkout otp-verify" is not allowed'],
    ['otp-verify::part(button) { color: red; }', 'selector "otp-verify::part(button)" is not allowed: ::part()'],
    ['body { --shop-bg: red; }', 'selector "body" is not allowed'],
    ['otp-verify, :root { --otp-radius: 0; }', 'selector "otp-verify, :root" is not allowed'],
  ])('refuses the foreign selector in %s', (rule, message) => {
    expect(problemsOf(`otp-verify { ${REQUIRED} }\n${rule}`)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['otp-verify { color: red; }', '"color" is not a token: only --otp-* tokens may be set on otp-verify'],
    ['otp-verify { --shop-bg: red; }', '"--shop-bg" is not a token'],
    [':root { --otp-radius: 0; }', '"--otp-radius" is not a page variable'],
    [':root { background: red; }', '"background" is not a page variable'],
    [':root { color-scheme: purple; }', 'color-scheme: purple is not light, dark, light dark, dark light or normal'],
  ])('refuses a property outside its place: %s', (rule, message) => {
    expect(problemsOf(`otp-verify { ${REQUIRED} }\n${rule}`)).toEqual([expect.stringContaining(message)]);
  });

  it('refuses @media (prefers-color-scheme), top level or nested, pointing to light-dark()', () => {
    const topLevel = `otp-verify { ${REQUIRED} }\n@media (prefers-color-scheme: dark) { otp-verify { --otp-radius: 0; } }`;
    const nested = `otp-verify { ${REQUIRED} @media (prefers-color-scheme: dark) { --otp-radius: 0; } }`;
    for (const css of [topLevel, nested]) {
      expect(problemsOf(css)).toEqual([
        expect.stringContaining(
          '@media (prefers-color-scheme: dark) is not allowed: write dark values with light-dark(',
        ),
      ]);
    }
  });

  it.each([
    ['@import url("https://evil.example/x.css");', '@import is not allowed'],
    ['@font-face { font-family: x; src: url(https://evil.example/x.woff2); }', '@font-face is not allowed'],
    ['otp-verify { &:hover { --otp-radius: 0; } }', 'nested rule "&:hover" is not allowed'],
    ['--otp-radius: 0;', '"--otp-radius" is outside a rule'],
  ])('refuses %s', (css, message) => {
    expect(problemsOf(`otp-verify { ${REQUIRED} }\n${css}`)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['otp-verify { --otp-color-brand: url(https://tracker.example/pixel.png); }', '--otp-color-brand: "url('],
    [':root { --shop-bg: image-set("https://evil.example/pay-here.png" 1x); }', '--shop-bg: "image-set('],
    ['otp-verify { --otp-color-paper: \\75 rl(https://evil.example/x.png); }', 'escapes (\\) are not allowed'],
  ])('refuses a value that would load a resource into checkout pages: %s', (rule, message) => {
    expect(problemsOf(`otp-verify { ${REQUIRED} }\n${rule}`)).toEqual([expect.stringContaining(message)]);
  });

  // postcss keeps the last declaration; the browser would paint the !important one, whatever the check measured.
  it.each([
    'otp-verify { --otp-color-brand: #000 !important; }',
    ':root { --shop-bg: #fff !important; }',
    ':root { color-scheme: dark !important; }',
  ])('refuses !important: %s', (rule) => {
    expect(problemsOf(`otp-verify { ${REQUIRED} }\n${rule}`)).toEqual([
      expect.stringMatching(/^theme\.css line 2: .+ !important is not allowed/),
    ]);
  });

  it('refuses CSS that does not parse, with the line', () => {
    expect(problemsOf(`otp-verify {\n ${REQUIRED}\n--otp-radius: 0;`)).toEqual([
      expect.stringMatching(/^theme\.css line 1: not valid CSS: Unclosed block/),
    ]);
  });
});
