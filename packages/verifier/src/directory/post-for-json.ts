/**
 * The most of an answer the verifier reads from a brand's or a fraud service (directory, SIM swap, siteverify): their
 * answers are a few hundred bytes, and a broken or hostile service must not make it buffer more (CWE-400,
 * uncontrolled resource consumption).
 */
export const MAX_ANSWER_BYTES = 16 * 1024;

/** A service's answer: its HTTP status and its body as JSON; `undefined` when not JSON or over MAX_ANSWER_BYTES. */
export interface JsonAnswer {
  status: number;
  json: unknown;
}

/**
 * POSTs `body` and reads the answer. Redirects are answers like any other (never followed with the credentials).
 * Throws what fetch throws: the network failed or `signal` aborted.
 */
export async function postForJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<JsonAnswer> {
  const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal });
  const text = await readCapped(response, MAX_ANSWER_BYTES);
  return { status: response.status, json: text === undefined ? undefined : parseJson(text) };
}

/** The answer's text, read until `maxBytes`: undefined (and the rest not read) when it is longer. */
export async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `{ [key]: ... }` when `value` is a JSON object. */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
