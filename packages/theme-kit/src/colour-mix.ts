import { converter, type Color } from 'culori';

export type MixSpace = 'srgb' | 'oklab' | 'oklch';

const SPACES: Record<MixSpace, { mode: 'rgb' | 'oklab' | 'oklch'; channels: readonly string[]; hue?: string }> = {
  srgb: { mode: 'rgb', channels: ['r', 'g', 'b'] },
  oklab: { mode: 'oklab', channels: ['l', 'a', 'b'] },
  oklch: { mode: 'oklch', channels: ['l', 'c', 'h'], hue: 'h' },
};

export const isMixSpace = (space: string): space is MixSpace => Object.hasOwn(SPACES, space);

type Channels = Record<string, number | undefined>;

/**
 * CSS Color 5 `color-mix()`: `weight` is the second colour's share (0 to 1). Interpolates with premultiplied
 * alpha, takes a missing channel (an achromatic colour's hue) from the other colour and goes the shorter way
 * round the hue circle, as browsers do. (culori's own premultiplied interpolation also multiplies the hue.)
 */
export function mixColours(space: MixSpace, first: Color, second: Color, weight: number): Color {
  const { mode, channels, hue } = SPACES[space];
  const toSpace = converter(mode);
  const a = toSpace(first) as unknown as Channels;
  const b = toSpace(second) as unknown as Channels;
  const alphaA = a.alpha ?? 1;
  const alphaB = b.alpha ?? 1;
  const alpha = alphaA + (alphaB - alphaA) * weight;
  const mixed: Channels = { alpha };
  for (const channel of channels) {
    let valueA = a[channel] ?? b[channel] ?? 0;
    const valueB = b[channel] ?? a[channel] ?? 0;
    if (channel === hue) {
      if (valueB - valueA > 180) valueA += 360;
      else if (valueA - valueB > 180) valueA -= 360;
      mixed[channel] = (((valueA + (valueB - valueA) * weight) % 360) + 360) % 360;
    } else {
      const premultiplied = valueA * alphaA + (valueB * alphaB - valueA * alphaA) * weight;
      mixed[channel] = alpha === 0 ? 0 : premultiplied / alpha;
    }
  }
  return { mode, ...mixed } as Color;
}
