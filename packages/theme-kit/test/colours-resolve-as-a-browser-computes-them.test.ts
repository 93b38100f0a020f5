import { describe, expect, it } from 'vitest';
import { resolveVariable, type Scheme } from '../src/index.js';

const resolve = (variables: Record<string, string>, scheme: Scheme = 'light', name = '--x') =>
  resolveVariable(name, new Map(Object.entries(variables)), scheme);

/** The resolved colour as 0-255 channels and alpha, or the error. */
const channels = (variables: Record<string, string>, scheme: Scheme = 'light') => {
  const resolution = resolve(variables, scheme);
  if ('error' in resolution) return resolution;
  const { r, g, b, alpha } = resolution.colour;
  return { rgb: [r, g, b].map((value) => Math.round(value * 255)), alpha: alpha ?? 1 };
};

describe('colour syntaxes', () => {
  it.each([
    ['#1d4ed8', [29, 78, 216]],
    ['#fff', [255, 255, 255]],
    ['rgb(29 78 216)', [29, 78, 216]],
    ['rgb(29, 78, 216)', [29, 78, 216]],
    ['hsl(0 100% 50%)', [255, 0, 0]],
    ['rebeccapurple', [102, 51, 153]],
    ['RED', [255, 0, 0]],
  ])('reads %s', (value, expected) => {
    expect(channels({ '--x': value })).toEqual({ rgb: expected, alpha: 1 });
  });

  it('keeps the alpha of a translucent colour', () => {
    expect(channels({ '--x': 'rgb(0 0 0 / 25%)' })).toEqual({ rgb: [0, 0, 0], alpha: 0.25 });
    expect(channels({ '--x': 'transparent' })).toMatchObject({ alpha: 0 });
  });
});

describe('var()', () => {
  it('follows a chain of variables', () => {
    expect(channels({ '--x': 'var(--y)', '--y': 'var(--z)', '--z': '#123456' })).toEqual({
      rgb: [0x12, 0x34, 0x56],
      alpha: 1,
    });
  });

  it('uses the fallback when the variable is not set, and not when it is', () => {
    expect(channels({ '--x': 'var(--unset, #00ff00)' })).toEqual({ rgb: [0, 255, 0], alpha: 1 });
    expect(channels({ '--x': 'var(--y, var(--unset, #00ff00))', '--y': 'white' })).toEqual({
      rgb: [255, 255, 255],
      alpha: 1,
    });
    expect(channels({ '--x': 'var(--unset, var(--also-unset, rgb(1, 2, 3)))' })).toEqual({ rgb: [1, 2, 3], alpha: 1 });
  });

  // A custom property whose var() cannot be substituted is invalid at computed-value time, as if unset.
  it('uses the fallback when the variable is set but refers to one that is not, or to itself', () => {
    expect(channels({ '--x': 'var(--y, #00ff00)', '--y': 'color-mix(in srgb, var(--unset) 40%, black)' })).toEqual({
      rgb: [0, 255, 0],
      alpha: 1,
    });
    expect(channels({ '--x': 'var(--y, red)', '--y': 'var(--z)', '--z': 'var(--y)' })).toEqual({
      rgb: [255, 0, 0],
      alpha: 1,
    });
  });

  it('does not use the fallback when the variable is set to something that is not a colour', () => {
    expect(resolve({ '--x': 'var(--y, red)', '--y': 'bluish' })).toEqual({ error: '"bluish" is not a colour' });
  });
});

describe('light-dark()', () => {
  const variables = { '--x': 'light-dark(var(--day), #000000)', '--day': '#ffffff' };

  it('takes the first colour in the light scheme and the second in the dark one', () => {
    expect(channels(variables, 'light')).toEqual({ rgb: [255, 255, 255], alpha: 1 });
    expect(channels(variables, 'dark')).toEqual({ rgb: [0, 0, 0], alpha: 1 });
  });
});

describe('color-mix()', () => {
  it('mixes in srgb by the given share, the rest going to the second colour', () => {
    expect(channels({ '--x': 'color-mix(in srgb, #ffffff 74%, #000000)' })).toEqual({ rgb: [189, 189, 189], alpha: 1 });
    expect(channels({ '--x': 'color-mix(in srgb, #ffffff, #000000 74%)' })).toEqual({ rgb: [66, 66, 66], alpha: 1 });
    expect(channels({ '--x': 'color-mix(in srgb, #ff0000, #0000ff)' })).toEqual({ rgb: [128, 0, 128], alpha: 1 });
  });

  it('mixes with transparent using premultiplied alpha, so the colour keeps its hue', () => {
    expect(channels({ '--x': 'color-mix(in srgb, #ff0000 40%, transparent)' })).toEqual({
      rgb: [255, 0, 0],
      alpha: 0.4,
    });
  });

  it('makes the mix translucent when the percentages add up to less than 100%', () => {
    expect(channels({ '--x': 'color-mix(in srgb, #ff0000 30%, #0000ff 30%)' })).toEqual({
      rgb: [128, 0, 128],
      alpha: 0.6,
    });
  });

  // Expected: what Chromium paints for the same color-mix() (its computed colour drawn on a canvas), give or
  // take one step of 255 for its gamut mapping.
  it.each([
    ['color-mix(in oklab, #ff0000, #0000ff)', [140, 83, 162]],
    ['color-mix(in oklch, #ff0000, #0000ff)', [186, 0, 194]],
    ['color-mix(in oklch, white, #0000ff)', [115, 163, 255]],
  ])('mixes %s as Chromium does', (value, expected) => {
    const { rgb } = channels({ '--x': value }) as { rgb: number[] };
    rgb.forEach((channel, index) => expect(Math.abs(channel - (expected[index] ?? NaN))).toBeLessThanOrEqual(1));
  });

  it('resolves var() and light-dark() inside, by scheme', () => {
    const variables = { '--x': 'color-mix(in srgb, var(--ink) 50%, light-dark(white, black))', '--ink': '#808080' };
    expect(channels(variables, 'light')).toEqual({ rgb: [192, 192, 192], alpha: 1 });
    expect(channels(variables, 'dark')).toEqual({ rgb: [64, 64, 64], alpha: 1 });
  });
});

describe('a colour that cannot be resolved is an error, never a pass', () => {
  it.each([
    [{ '--x': 'var(--missing)' }, '--missing is not set'],
    [{ '--x': 'var(--y)', '--y': 'var(--x)' }, '--x → --y → --x refer to each other'],
    [{ '--x': 'bluish' }, '"bluish" is not a colour'],
    [{ '--x': '1px solid red' }, '"1px solid red" is not a colour'],
    [{ '--x': '' }, '"" is not a colour'],
    [{ '--x': 'currentColor' }, 'currentColor depends on where the token is used'],
    [
      { '--x': 'rgb(var(--r) 0 0)', '--r': '255' },
      'var(), light-dark() and color-mix() inside rgb() are not supported',
    ],
    [{ '--x': 'color-mix(in hsl, red, blue)' }, 'only color-mix() in srgb, oklab or oklch'],
    [{ '--x': 'light-dark(red)' }, 'needs two colours'],
  ])('%j: %s', (variables, message) => {
    const resolution = resolve(variables);
    expect(resolution).toHaveProperty('error');
    expect((resolution as { error: string }).error).toContain(message);
  });
});
