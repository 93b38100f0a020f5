import { describe, expect, it } from 'vitest';
import { codeFieldStyles } from '../src/code-field.styles.js';
import { countryPickerStyles } from '../src/country-picker.styles.js';
import { styles } from '../src/otp-verify.styles.js';
import { TOKEN_DEFAULTS } from '../src/theme/tokens.js';
import type { TokenName } from '../src/theme/tokens.js';

const TOKENS = Object.keys(TOKEN_DEFAULTS) as TokenName[];
const css = [styles, countryPickerStyles, codeFieldStyles].map((sheet) => sheet.cssText).join('\n');

interface Declaration {
  property: string;
  value: string;
}

/** Every `property: value` of the sheets, in rules and at-rules alike. */
const declarations: Declaration[] = [...css.matchAll(/([\w-]+)\s*:\s*([^;{}]+);/g)].map(([, property, value]) => ({
  property: property ?? '',
  value: (value ?? '').trim(),
}));

const variablesIn = (value: string) => [...value.matchAll(/var\(\s*(--[\w-]+)/g)].map((match) => match[1] ?? '');
const isCustomProperty = (property: string) => property.startsWith('--');

/** The custom properties a painted value depends on, through the chain of custom properties declaring them. */
function variablesReachingPaint(): Set<string> {
  const reached = new Set<string>();
  const pending = declarations.filter((d) => !isCustomProperty(d.property)).flatMap((d) => variablesIn(d.value));
  for (let variable = pending.pop(); variable !== undefined; variable = pending.pop()) {
    if (reached.has(variable)) continue;
    reached.add(variable);
    for (const d of declarations) if (d.property === variable) pending.push(...variablesIn(d.value));
  }
  return reached;
}

describe('the element’s styles and the theme tokens', () => {
  it('name no --otp-* property outside the token set', () => {
    const named = new Set(css.match(/--otp-[\w-]+/g));
    expect([...named].filter((name) => !(name in TOKEN_DEFAULTS))).toEqual([]);
  });

  it('let every token reach something the element paints', () => {
    const reached = variablesReachingPaint();
    expect(TOKENS.filter((token) => !reached.has(token))).toEqual([]);
  });

  it('read no internal --_* property that no declaration sets (a renamed or removed token)', () => {
    const declared = new Set(declarations.map((d) => d.property));
    const read = new Set(declarations.flatMap((d) => variablesIn(d.value)).filter((name) => name.startsWith('--_')));
    expect([...read].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('fall back, for an unset token, to a default built from the internal copies, not from bare tokens', () => {
    // `var(--otp-color-paper)` unset inside a default would make the whole default invalid.
    const fallbacks = declarations.flatMap((d) => /^var\(--otp-[\w-]+, (.*)\)$/.exec(d.value)?.slice(1) ?? []);
    // One per token but --otp-color-scheme, and again, light only, for those whose default is light-dark().
    const lightDark = TOKENS.filter((token) => TOKEN_DEFAULTS[token].startsWith('light-dark(')).length;
    expect(fallbacks).toHaveLength(TOKENS.filter((token) => token !== '--otp-color-scheme').length + lightDark);
    expect(fallbacks.filter((fallback) => fallback.includes('--otp-'))).toEqual([]);
  });

  it('follow the page’s color-scheme unless --otp-color-scheme is set (no fallback, so unset it inherits)', () => {
    expect(declarations).toContainEqual({ property: 'color-scheme', value: 'var(--otp-color-scheme)' });
  });
});

describe('browsers without light-dark() (Safari before 17.5)', () => {
  it('get the light default of every colour token whose default is light-dark()', () => {
    const block = css.match(/@supports not \(color: light-dark\(#000, #fff\)\)\s*\{\s*:host\s*\{([^}]*)\}/)?.[1] ?? '';
    const withLightDark = TOKENS.filter((token) => TOKEN_DEFAULTS[token].startsWith('light-dark('));
    expect(withLightDark.length).toBeGreaterThan(0);
    for (const token of withLightDark) {
      const light = TOKEN_DEFAULTS[token].match(/^light-dark\(([^,]+),/)?.[1]?.trim();
      expect(block, token).toContain(`${token.replace('--otp-', '--_')}: var(${token}, ${light});`);
    }
    expect(block).not.toContain('light-dark(');
  });
});
