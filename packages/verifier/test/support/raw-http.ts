import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string;
  text: string;
  body: unknown;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalisation of dot segments or percent-encoding. */
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** An HTTP request with full control over the path, headers and body bytes (fetch would tidy them up). */
export function rawRequest(baseUrl: string, options: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: { ...(body === undefined ? {} : { 'content-length': body.length }), ...options.headers },
      },
      (res) => collectResponse(res, resolve, reject),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads a whole response; a JSON content type is parsed when it parses, otherwise the text is kept. */
export function collectResponse(
  res: IncomingMessage,
  resolve: (response: RawResponse) => void,
  reject: (error: Error) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const contentType = res.headers['content-type'] ?? '';
    let parsed: unknown = text;
    if (/json/.test(contentType) && text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    resolve({ status: res.statusCode ?? 0, headers: res.headers, contentType, text, body: parsed });
  });
  res.on('error', reject);
}
