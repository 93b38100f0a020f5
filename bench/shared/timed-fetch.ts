/** One HTTP request, timed from sending it to having read the whole answer. */
export async function timedFetch(
  url: string,
  init: RequestInit,
): Promise<{ status: number; text: string; elapsedMs: number }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, text, elapsedMs: performance.now() - started };
}
