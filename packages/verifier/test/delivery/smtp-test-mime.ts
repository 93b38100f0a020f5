/**
 * Just enough of a MIME reader to check what the SMTP provider sent (no mail parser in the workspace): header
 * fields unfolded with RFC 2047 words decoded, and the parts of a multipart body decoded.
 */
export interface MimeEntity {
  /** Raw field values by lower-case name, unfolded; decode with decodeWords. */
  headers: Map<string, string>;
  body: string;
}

export interface DecodedPart {
  contentType: string;
  /** Decoded as UTF-8, line ends as LF. */
  text: string;
}

export function parseEntity(raw: string): MimeEntity {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n(?=[ \t])/g, '');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** RFC 2047 encoded words (UTF-8, Q or B), the space between two adjacent ones dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_word, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : quotedPrintableBytes(text.replaceAll('_', ' ')).toString('utf8'),
    );
}

/** The parts of a multipart entity, in order. */
export function multipartParts(entity: MimeEntity): DecodedPart[] {
  const boundary = /boundary="?([^";]+)"?/.exec(entity.headers.get('content-type') ?? '')?.[1];
  if (boundary === undefined) throw new Error('not a multipart entity');
  const [, ...rest] = entity.body.split(`--${boundary}`);
  const closing = rest.findIndex((segment) => segment.startsWith('--'));
  return rest.slice(0, closing).map((segment) => {
    const part = parseEntity(segment.replace(/^\r\n/, '').replace(/\r\n$/, ''));
    return { contentType: part.headers.get('content-type') ?? '', text: decodeBody(part) };
  });
}

function decodeBody(part: MimeEntity): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? quotedPrintableBytes(part.body.replace(/=\r\n/g, ''))
      : encoding === 'base64'
        ? Buffer.from(part.body, 'base64')
        : Buffer.from(part.body, 'utf8');
  return bytes.toString('utf8').replace(/\r\n/g, '\n');
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
