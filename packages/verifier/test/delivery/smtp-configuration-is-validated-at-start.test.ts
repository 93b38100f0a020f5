import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrands } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import { smtpType } from '../../src/delivery/smtp/provider-type.js';
import { writeTestBrandsDirectory } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';

const SMTP = {
  type: 'smtp',
  host: 'smtp.example.com',
  security: 'starttls',
  user: 'acme-mailer',
  passwordEnv: 'ACME_SMTP_PASSWORD',
  from: 'otp@acme.example',
};

let dir: ReturnType<typeof tempDir>;
let count = 0;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

/** A brands directory with `providers` in platform.json; the acme brand mails through acme-mail. */
function brandsWith(provider: Record<string, unknown>): string {
  count += 1;
  return writeTestBrandsDirectory(
    join(dir.path, `brands-${count}`),
    (brand) => {
      if (brand.id === 'acme') brand.delivery = { sms: ['dev-inbox'], email: ['acme-mail'] };
    },
    { providers: { 'acme-mail': provider } },
  );
}

/** The start-up error for this provider, with the directory's path cut out. */
function startError(provider: Record<string, unknown>): string {
  const path = brandsWith(provider);
  try {
    loadBrands(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replaceAll(path, '<brands>');
  }
  throw new Error('the configuration was accepted');
}

describe('an smtp provider in platform.json is validated when the verifier starts', () => {
  it('accepts a server reached with STARTTLS and a login', () => {
    const brands = loadBrands(brandsWith(SMTP));
    expect(Object.keys(brands.providers)).toEqual(['acme-mail']);
    expect(brands.get('acme')?.delivery.email).toEqual(['acme-mail']);
  });

  it.each([
    [
      'plain SMTP to another host',
      { security: 'none' },
      'security',
      'plain SMTP ("none") only to localhost / 127.0.0.1 / ::1: use "tls" or "starttls"',
    ],
    [
      'a user without passwordEnv',
      { passwordEnv: undefined },
      'passwordEnv',
      'give "user" and "passwordEnv" together, or neither (no login)',
    ],
    [
      'a passwordEnv without user',
      { user: undefined },
      'passwordEnv',
      'give "user" and "passwordEnv" together, or neither (no login)',
    ],
    ['a password in the file', { password: 'hunter2' }, '(root)', 'Unrecognized key: "password"'],
    [
      'a password where its variable’s name goes',
      { passwordEnv: 'hunter2' },
      'passwordEnv',
      'the name of an environment variable (A-Z, 0-9, _), never the password itself',
    ],
    [
      'a display name in from',
      { from: 'Acme <otp@acme.example>' },
      'from',
      'an email address such as otp@example.com, without a display name',
    ],
  ])('refuses %s, naming the file and the field', (_case, change, field, problem) => {
    const path = field === '(root)' ? 'providers.acme-mail' : `providers.acme-mail.${field}`;
    expect(startError({ ...SMTP, ...change })).toBe(`platform file <brands>/platform.json: ${path}: ${problem}`);
  });

  it('accepts plain SMTP to a relay on this machine, without a login', () => {
    const local = { type: 'smtp', host: '127.0.0.1', port: 2525, security: 'none', from: 'otp@acme.example' };
    expect(() => loadBrands(brandsWith(local))).not.toThrow();
  });
});

describe('the smtp provider reads its password when it is created', () => {
  const dependencies = (env: NodeJS.ProcessEnv) => ({ env, logger: pino({ enabled: false }), receipts: () => {} });

  it('stops the start when the password’s variable is not set, naming the provider and the variable', () => {
    const create = smtpType.parse(SMTP);
    const start = () => create('acme-mail', dependencies({ OTHER: 'x' }));
    expect(start).toThrow(ConfigError);
    expect(start).toThrow('provider "acme-mail": ACME_SMTP_PASSWORD, its SMTP password, is not set in the environment');
  });

  it('creates the provider under its configured name when the variable is set', () => {
    const create = smtpType.parse(SMTP);
    expect(create('acme-mail', dependencies({ ACME_SMTP_PASSWORD: 's3cret' })).name).toBe('acme-mail');
  });
});
