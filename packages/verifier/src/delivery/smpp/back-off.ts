export interface BackOff {
  initialMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (0 for the first): doubling from `initialMs` up to `maxMs`, with "full
 * jitter" so that clients dropped together do not come back together.
 */
export function backOffDelay(
  { initialMs, maxMs }: BackOff,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** attempt);
  return initialMs / 2 + random() * (ceiling - initialMs / 2);
}
