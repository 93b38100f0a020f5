import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrands } from '../../src/config/brands.js';
import { ConfigError } from '../../src/config/config-error.js';
import { createVerifier } from '../../src/verifier.js';
import { PUBLIC_URL, writeTestBrandsDirectory } from '../support/brands.js';
import { tempDir } from '../support/temp-dir.js';

const GATEWAY = {
  type: 'http',
  url: 'https://sms.example.com/v1/messages',
  auth: { type: 'bearer', secretEnv: 'ACME_SMS_TOKEN' },
  json: { to: '{to}', text: '{text}' },
  response: { messageIdPath: 'messages.0.id' },
};

let dir: ReturnType<typeof tempDir>;
let count = 0;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

/** A brands directory whose acme brand sends its SMS through `route`, with `providers` in platform.json. */
function brandsWith(providers: Record<string, unknown>, route = ['acme-sms']): string {
  count += 1;
  return writeTestBrandsDirectory(
    join(dir.path, `brands-${count}`),
    (brand) => {
      if (brand.id === 'acme') brand.delivery = { sms: route };
    },
    { providers },
  );
}

/** The start-up error for these providers, with the directory's path cut out. */
function startError(providers: Record<string, unknown>, route?: string[]): string {
  const path = brandsWith(providers, route);
  try {
    loadBrands(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replaceAll(path, '<brands>');
  }
  throw new Error('the configuration was accepted');
}

const platformError = (field: string, problem: string) => `platform file <brands>/platform.json: ${field}: ${problem}`;

describe('providers in platform.json are validated when the verifier starts', () => {
  it('accepts a gateway and a brand routed to it', () => {
    const brands = loadBrands(brandsWith({ 'acme-sms': GATEWAY }));
    expect(Object.keys(brands.providers)).toEqual(['acme-sms']);
    expect(brands.get('acme')?.delivery.sms).toEqual(['acme-sms']);
  });

  it('refuses a route to a provider that is not configured, listing the ones there are', () => {
    expect(startError({ 'acme-sms': GATEWAY }, ['acme-smss'])).toBe(
      'brand file <brands>/acme.json: delivery.sms[0]: "acme-smss" is not a message provider of this verifier ' +
        '(dev-inbox, acme-sms)',
    );
  });

  it.each([
    ['Acme_SMS', 'a provider name: lower-case letters, digits and single dashes'],
    ['dev-inbox', "the name of one of the verifier's own providers (dev-inbox): choose another"],
  ])('refuses the provider name %s', (name, problem) => {
    expect(startError({ [name]: GATEWAY }, ['dev-inbox'])).toBe(platformError(`providers.${name}`, problem));
  });

  it.each([
    ['an unknown type', { type: 'carrier-pigeon' }, 'type', "the provider's type: one of http, smpp, smtp"],
    [
      'plain http to another host',
      { url: 'http://sms.example.com/v1' },
      'url',
      'must be https (plain http only to localhost / 127.0.0.1 / [::1])',
    ],
    [
      'a secret in the file',
      { auth: { type: 'bearer', secretEnv: 'ACME_SMS_TOKEN', token: 'tok_live_1' } },
      'auth',
      'Unrecognized key: "token"',
    ],
    [
      'an Authorization header',
      { headers: { Authorization: 'Bearer tok_live_1' } },
      'headers.Authorization',
      'set by the provider (authorization: use "auth" with a secretEnv)',
    ],
    [
      'a secret where its variable’s name goes',
      { auth: { type: 'bearer', secretEnv: 'tok_live_1' } },
      'auth.secretEnv',
      'the name of an environment variable (A-Z, 0-9, _), never the secret itself',
    ],
    [
      'a misspelt placeholder',
      { json: { to: '{to}', text: '{txt}' } },
      'json.text',
      '{txt} is not a placeholder ({to}, {text}, {sender}, {idempotencyKey}, {sessionId})',
    ],
    [
      'both a JSON and a form body',
      { form: { to: '{to}' } },
      'json',
      'give the body as either "json" or "form" (one of them)',
    ],
    [
      'a JSON body on a GET',
      { method: 'GET' },
      'json',
      'a GET request has no body: give "form" (sent as the query string)',
    ],
    [
      'a message id path that is not a dotted path',
      { response: { messageIdPath: '$.messages[0].id' } },
      'response.messageIdPath',
      'a dotted path such as messages.0.id',
    ],
    ['a timeout below 500 ms', { timeoutMs: 100 }, 'timeoutMs', 'a whole number of milliseconds from 500 to 30000'],
  ])('refuses %s, naming the file and the field', (_case, change, field, problem) => {
    expect(startError({ 'acme-sms': { ...GATEWAY, ...change } })).toBe(
      platformError(`providers.acme-sms.${field}`, problem),
    );
  });

  it('stops the start when a secret’s environment variable is not set, naming the variable', async () => {
    const options = {
      dataDir: join(dir.path, 'data'),
      brands: brandsWith({ 'acme-sms': GATEWAY }),
      publicUrl: PUBLIC_URL,
    };
    const start = createVerifier({ ...options, mode: 'dev', env: { OTHER: 'x' } });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(
      'provider "acme-sms": auth.secretEnv: the environment variable ACME_SMS_TOKEN is not set',
    );
  });

  it('stops the start when the receipts key’s environment variable is not set, naming the variable', async () => {
    const receipts = {
      secretEnv: 'ACME_RECEIPTS_KEY',
      messageIdPath: 'id',
      statusPath: 'status',
      delivered: ['DELIVERED'],
      failed: ['FAILED'],
    };
    const start = createVerifier({
      dataDir: join(dir.path, 'data-receipts'),
      brands: brandsWith({ 'acme-sms': { ...GATEWAY, receipts } }),
      publicUrl: PUBLIC_URL,
      mode: 'dev',
      env: { ACME_SMS_TOKEN: 'tok' },
    });
    await expect(start).rejects.toThrow(
      'provider "acme-sms": receipts.secretEnv: the environment variable ACME_RECEIPTS_KEY is not set',
    );
  });
});
