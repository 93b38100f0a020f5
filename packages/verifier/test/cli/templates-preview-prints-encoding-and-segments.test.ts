import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../support/attacker.js';
import { writeTestBrandsDirectory } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let brandsDir: string;

/** A brands directory of the test brands, acme speaking English, German and Polish. */
function writeBrands(path: string, change: (brand: Record<string, unknown>) => void = () => {}): string {
  return writeTestBrandsDirectory(path, (brand) => {
    if (brand.id === 'acme') brand.locales = ['en', 'de', 'pl'];
    change(brand);
  });
}

beforeAll(() => {
  if (!existsSync(CLI_PATH))
    throw new Error(`${CLI_PATH} does not exist: build the verifier (npx tsc -b packages/verifier)`);
  dir = tempDir();
  brandsDir = writeBrands(join(dir.path, 'brands'));
});
afterAll(() => dir.remove());

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI_PATH, 'templates', 'preview', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('otp-verify templates preview', () => {
  it('prints each of the brand’s locales: the longest SMS, its encoding, characters and segments', () => {
    const { status, stdout } = cli(['--brands', brandsDir, '--brand', 'acme']);
    expect(status).toBe(0);
    const blocks = stdout.trim().split('\n\n== ');
    expect(blocks[0]).toBe(
      'acme (Acme Mobile): amount the largest order amount (10,000,000,000,000 minor units) in the longest currency ' +
        'format, code 6 digits, SMS limit 2 segments',
    );
    expect(blocks.slice(1).map((block) => block.split('\n')[0])).toEqual([
      expect.stringMatching(/^en, SMS: GSM-7, 145 characters \(145 septets\), 1 segment of at most 2$/),
      expect.stringMatching(/^de, SMS: GSM-7, \d+ characters \(\d+ septets\), 1 segment of at most 2$/),
      expect.stringMatching(/^pl, SMS: UCS-2, \d+ characters \(\d+ UTF-16 units\), 2 segments of at most 2$/),
    ]);
    expect(blocks[1]).toContain(
      'Acme Mobile: 123456 is your code to confirm your order of F CFA 10,000,000,000,000. Valid for 5 minutes. ' +
        'Never share it.' +
        '\n\n@shop.acme.test #123456',
    );
  });

  it('renders one locale for a given order, as a session in that locale would get it', () => {
    const { status, stdout } = cli([
      '--brands',
      brandsDir,
      '--brand',
      'acme',
      '--locale',
      'de-AT',
      '--amount',
      '12999',
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain('amount 12999 EUR (minor units)');
    expect(stdout).toContain(
      '== de-AT, SMS: GSM-7, 142 characters (143 septets), 1 segment of at most 2\n' +
        'Acme Mobile: Ihr Code für Ihre Bestellung über € 129,99 lautet 123456. Er gilt 5 Minuten. Geben Sie ihn nicht weiter.' +
        '\n\n@shop.acme.test #123456',
    );
    const fallback = cli([
      '--brands',
      brandsDir,
      '--brand',
      'acme',
      '--locale',
      'fr-FR',
      '--amount',
      '500',
      '--currency',
      'JPY',
    ]);
    expect(fallback.stdout).toContain('== en (asked for fr-FR), SMS: GSM-7');
    expect(fallback.stdout).toContain('your order of ¥500.');
  });

  it('prints the email: subject, plain text and HTML', () => {
    const { status, stdout } = cli([
      '--brands',
      brandsDir,
      '--brand',
      'acme',
      '--locale',
      'de',
      '--channel',
      'email',
      '--amount',
      '12999',
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      '== de, email\nSubject: Ihre Bestellung über 129,99\u00a0€ bei Acme Mobile bestätigen\n\nGuten Tag,',
    );
    expect(stdout).toContain('<html lang="de" dir="ltr">');
    expect(stdout).toContain('<p style="font-size:28px;font-weight:700;letter-spacing:4px">123456</p>');
  });

  it('reads the brands from OTP_VERIFY_BRANDS when --brands is not given', () => {
    const { status, stdout } = cli(['--brand', 'initech'], { OTP_VERIFY_BRANDS: brandsDir });
    expect(status).toBe(0);
    expect(stdout).toContain('== de-DE, SMS: GSM-7');
    expect(stdout).toContain('@initech.test #12345678');
  });

  it.each([
    ['no --brand', ['--brands', 'BRANDS'], /--brand ID is required/],
    ['an unknown brand', ['--brands', 'BRANDS', '--brand', 'umbrella'], /no brand "umbrella" in /],
    [
      'an unknown channel',
      ['--brands', 'BRANDS', '--brand', 'acme', '--channel', 'fax'],
      /--channel must be sms or email/,
    ],
    [
      'a currency without an amount',
      ['--brands', 'BRANDS', '--brand', 'acme', '--currency', 'EUR'],
      /--currency goes with --amount/,
    ],
    [
      'an amount that is not minor units',
      ['--brands', 'BRANDS', '--brand', 'acme', '--amount', '12.99'],
      /--amount must be whole minor units/,
    ],
    [
      'an unknown currency',
      ['--brands', 'BRANDS', '--brand', 'acme', '--amount', '1', '--currency', 'EURO'],
      /ISO 4217/,
    ],
    ['an unknown option', ['--brands', 'BRANDS', '--brand', 'acme', '--lang', 'de'], /Unknown option '--lang'/],
  ])('exits 2 with the problem and the usage for %s', (_what, args, problem) => {
    const { status, stderr } = cli(args.map((arg) => (arg === 'BRANDS' ? brandsDir : arg)));
    expect(status).toBe(2);
    expect(stderr).toMatch(problem);
    expect(stderr).toContain('otp-verify templates preview --brand ID');
  });

  it('exits 1 naming the brand file, the field and the problem of an invalid template', () => {
    const broken = writeBrands(join(dir.path, 'broken'), (brand) => {
      if (brand.id === 'acme') brand.templates = { sms: { de: '{brand}: {code}' } };
    });
    const { status, stderr } = cli(['--brands', broken, '--brand', 'acme']);
    expect(status).toBe(1);
    expect(stderr).toContain(
      `brand file ${join(broken, 'acme.json')}: templates.sms.de: brand "acme": must contain {amount}`,
    );
  });
});
