/**
 * `compute` with its results kept by key. Keys come from requests and configuration, so at `maxEntries` the
 * memory starts over: a flood of distinct keys cannot grow it.
 */
export function boundedMemo<V>(maxEntries: number, compute: (key: string) => V): (key: string) => V {
  const results = new Map<string, V>();
  return (key) => {
    if (results.has(key)) return results.get(key) as V;
    const result = compute(key);
    if (results.size >= maxEntries) results.clear();
    results.set(key, result);
    return result;
  };
}
