import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandsCommand } from '../../src/cli/brands-command.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { loadBrands } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import { writeTestBrandsDirectory } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

describe('otp-verify brands', () => {
  it('check lists the brands a valid directory holds, from --brands or OTP_VERIFY_BRANDS', () => {
    const path = writeTestBrandsDirectory(join(dir.path, 'valid'));
    const output = brandsCommand(['check', '--brands', path], {});
    expect(output).toMatch(/: 3 brands, valid\n/);
    expect(output).toContain('  initech: Initech Mobilfunk; DE, AT; ');
    expect(output).toContain('8-digit codes');
    expect(brandsCommand(['check'], { OTP_VERIFY_BRANDS: path })).toBe(output);
  });

  it('check stops on an invalid brand file with the file, the field and the problem, as serve would', () => {
    const path = writeTestBrandsDirectory(join(dir.path, 'invalid'), (brand) => {
      if (brand.id === 'globex') brand.defaultCountry = 'FR';
    });
    expect(() => brandsCommand(['check', '--brands', path], {})).toThrow(ConfigError);
    expect(() => brandsCommand(['check', '--brands', path], {})).toThrow(
      `brand file ${join(path, 'globex.json')}: defaultCountry:`,
    );
    expect(() => brandsCommand(['check'], {})).toThrow(UsageError);
  });

  /** The key and the entry `brands new-key` prints. */
  function newKey(args: string[], today?: Date) {
    const output = brandsCommand(['new-key', ...args], {}, today);
    const secretKey = output.match(/^ {2}(sk_live_\S+)$/m)?.[1] ?? '';
    const entry = JSON.parse(output.match(/^ {2}(\{.*\})$/m)?.[1] ?? 'null') as { id: string; sha256: string };
    return { output, secretKey, entry };
  }

  it('new-key prints a new 256-bit key once and the entry, its hash only, that makes the brand file accept it', () => {
    const first = newKey(['--id', 'rotation-2']);
    const second = newKey([]);
    expect(first.secretKey).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(second.secretKey).not.toBe(first.secretKey);
    expect(first.output.split(first.secretKey)).toHaveLength(2);
    expect(first.entry).toEqual({ id: 'rotation-2', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(first.entry)).not.toContain(first.secretKey.slice(8));
    const path = writeTestBrandsDirectory(join(dir.path, 'rotated'), (brand) => {
      if (brand.id === 'acme') brand.secretKeys = [first.entry];
    });
    const brands = loadBrands(path);
    expect(brands.bySecretKey(first.secretKey)?.id).toBe('acme');
    expect(brands.bySecretKey(second.secretKey)).toBeUndefined();
  });

  it('new-key names the key by the month and 4 random hex digits unless --id is given', () => {
    const ids = Array.from({ length: 5 }, () => newKey([], new Date('2026-11-22T10:00:00Z')).entry.id);
    for (const id of ids) expect(id).toMatch(/^2026-11-[0-9a-f]{4}$/);
    expect(new Set(ids).size).toBeGreaterThan(1);
  });

  it('refuses an unknown subcommand or option', () => {
    expect(() => brandsCommand([], {})).toThrow(/check or new-key/);
    expect(() => brandsCommand(['delete'], {})).toThrow(UsageError);
    expect(() => brandsCommand(['new-key', '--force'], {})).toThrow(UsageError);
  });
});
