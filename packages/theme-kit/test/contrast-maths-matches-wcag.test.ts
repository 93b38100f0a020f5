import { parse, type Rgb } from 'culori';
import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, formatRatio } from '../src/index.js';

const rgb = (text: string) => parse(text) as Rgb;

// WCAG 2.2 "contrast ratio" and "relative luminance" definitions, used by SC 1.4.3 (text) and 1.4.11 (UI
// components, the focus ring of SC 2.4.7).
describe('the contrast ratio (WCAG 2.2 definition)', () => {
  it('is 21:1 for black on white, the maximum, either way round', () => {
    expect(contrastRatio(rgb('#000'), rgb('#fff'))).toBeCloseTo(21, 10);
    expect(contrastRatio(rgb('#fff'), rgb('#000'))).toBeCloseTo(21, 10);
  });

  it('is 1:1 for a colour on itself', () => {
    expect(contrastRatio(rgb('#0b57d0'), rgb('#0b57d0'))).toBeCloseTo(1, 10);
  });

  it('is 4.48:1 for #777 on white: just below the 4.5:1 of SC 1.4.3, a classic near miss', () => {
    expect(contrastRatio(rgb('#777777'), rgb('#ffffff'))).toBeCloseTo(4.478, 3);
  });

  it('is 4.54:1 for #767676 on white, the lightest grey that passes SC 1.4.3', () => {
    expect(contrastRatio(rgb('#767676'), rgb('#ffffff'))).toBeCloseTo(4.542, 3);
  });

  it('is 3.0:1 for #949494 on white, the lightest grey for a border or focus ring (SC 1.4.11)', () => {
    expect(contrastRatio(rgb('#949494'), rgb('#ffffff'))).toBeCloseTo(3.03, 2);
  });
});

describe('translucent colours', () => {
  it('are composited over the background before the ratio is taken', () => {
    const halfBlack = composite(rgb('rgb(0 0 0 / 50%)'), rgb('#ffffff'));
    expect(halfBlack.r).toBeCloseTo(0.5, 10);
    expect(contrastRatio(halfBlack, rgb('#ffffff'))).toBeCloseTo(contrastRatio(rgb('#808080'), rgb('#fff')), 1);
  });
});

describe('a ratio as printed', () => {
  it('is cut to two decimals, never rounded up to a minimum it fails', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(4.478)).toBe('4.47:1');
    expect(formatRatio(21)).toBe('21:1');
    expect(formatRatio(3.9)).toBe('3.9:1');
  });
});
