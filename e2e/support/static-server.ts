import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves files read-only on 127.0.0.1:`port`: each URL prefix (`'/react/'`) from its directory, a directory from
 * its index.html. Anything outside those directories is a 404.
 */
export function serveStatic(port: number, roots: Record<string, string>): Promise<Server> {
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await fileFor(new URL(request.url ?? '/', 'http://localhost').pathname, roots).catch(() => undefined);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') response.end();
    else
      createReadStream(file)
        .on('error', () => response.destroy())
        .pipe(response);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveServer(server));
  });
}

async function fileFor(pathname: string, roots: Record<string, string>): Promise<string | undefined> {
  const prefix = Object.keys(roots)
    .filter((candidate) => pathname.startsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const root = resolve(roots[prefix] as string);
  // A malformed %-escape throws: the caller answers 404.
  const path = resolve(root, `.${sep}${decodeURIComponent(pathname.slice(prefix.length))}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const stats = await stat(path).catch(() => undefined);
  if (stats?.isDirectory()) return fileFor(join(pathname, 'index.html'), roots);
  return stats?.isFile() ? path : undefined;
}
