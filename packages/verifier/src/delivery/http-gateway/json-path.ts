/** The value at a dotted path (`messages.0.id`: a digits segment indexes an array); undefined when there is none. */
export function valueAtPath(document: unknown, path: string): unknown {
  let value = document;
  for (const segment of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) value = value[Number(segment)];
    else if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment)) {
      value = (value as Record<string, unknown>)[segment];
    } else return undefined;
  }
  return value;
}
