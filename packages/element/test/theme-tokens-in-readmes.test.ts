import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOKEN_DOCS } from '../src/theme/token-docs.js';
import type { TokenTier } from '../src/theme/token-docs.js';
import { TOKEN_DEFAULTS } from '../src/theme/tokens.js';
import type { TokenName } from '../src/theme/tokens.js';

const READMES = ['../README.md', '../../../themes/README.md'].map((path) => new URL(path, import.meta.url));

const TIER_HEADINGS: Record<string, TokenTier> = {
  'Brand primitives': 'brand',
  'Semantic tokens': 'semantic',
  'Component tokens': 'component',
};

interface Row {
  token: string;
  tier: TokenTier | undefined;
  default: string;
  required: boolean;
  description: string;
}

/** The token tables' rows (`| `--otp-x` | `default` | yes | what for |`), each with the tier heading above it. */
function tableRows(markdown: string): Row[] {
  const rows: Row[] = [];
  let tier: TokenTier | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^#+\s+(.*)$/.exec(line)?.[1];
    if (heading !== undefined) tier = TIER_HEADINGS[heading];
    const cells = /^\|\s*`(--otp-[\w-]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!cells) continue;
    const [defaultCell = '', required = '', description = ''] = (cells[2] ?? '').split('|').map((cell) => cell.trim());
    rows.push({
      token: cells[1] ?? '',
      tier,
      default: defaultCell.replace(/^`(.*)`$/, '$1'),
      required: required === 'yes',
      description,
    });
  }
  return rows;
}

const documented: Row[] = (Object.keys(TOKEN_DEFAULTS) as TokenName[]).map((token) => ({
  token,
  tier: TOKEN_DOCS[token].tier,
  default: TOKEN_DEFAULTS[token],
  required: TOKEN_DOCS[token].required === true,
  description: TOKEN_DOCS[token].description,
}));

describe.each(READMES.map((url) => [url.pathname.split('/').slice(-2).join('/'), url]))(
  'the token table in %s',
  (_name, url) => {
    it('lists every token once, under its tier, with its default, whether it is required, and what it is for', () => {
      expect(tableRows(readFileSync(url, 'utf8'))).toEqual(documented);
    });
  },
);
