import type { Request } from 'express';

export function readCookie(req: Request, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name)
      return decodeURIComponent(pair.slice(separator + 1).trim());
  }
  return undefined;
}
