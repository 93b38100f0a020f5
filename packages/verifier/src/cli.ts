#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { BRANDS_USAGE, brandsCommand } from './cli/brands-command.js';
import { CommandRefusal } from './cli/command-refusal.js';
import { OUTBOX_USAGE, outboxCommand } from './cli/outbox-command.js';
import { TEMPLATES_USAGE, templatesCommand } from './cli/templates-command.js';
import { textTable } from './cli/text-table.js';
import { UsageError } from './cli/usage-error.js';
import { ConfigError } from './config/config-error.js';
import { keySettingsFromEnv, settingsFromEnv } from './config/settings.js';
import type { KeyInfo } from './tokens/key-files.js';
import { isSigningAlgorithm, keysDirectory, listSigningKeys, rotateSigningKey } from './tokens/key-files.js';
import { startVerifier } from './verifier.js';

const USAGE = `Usage:
  otp-verify serve                       run the verifier
  otp-verify keys list [--json]          list the signing keys: kid, alg, created, retired, state
  otp-verify keys rotate [--alg ALG]     create a signing key that signs at once; retire the current one
                                         (ALG: ES256 or EdDSA; default OTP_VERIFY_SIGNING_ALG, else the
                                         current key's algorithm)
${BRANDS_USAGE}
${TEMPLATES_USAGE}
${OUTBOX_USAGE}
  otp-verify --help                      this text

Key rotation: a running verifier picks the new key up by itself within seconds (it watches
<dataDir>/keys; SIGHUP makes it look at once). A retired key stays in the JWKS until its last token
has expired (retired + 300 s token lifetime + 60 s clock tolerance), then leaves it; a later rotation
deletes its file. Run the keys commands as the verifier's user, with the same OTP_VERIFY_DATA_DIR.

Environment:
  OTP_VERIFY_BRANDS       the brands directory, one <brand id>.json per brand (or one brands
                          file); required by serve
  OTP_VERIFY_DATA_DIR     database, keys and secrets (default ./.data, created on first start)
  OTP_VERIFY_MODE         dev (dev inbox, no real SMS) or production (default)
  OTP_VERIFY_HOST         listen address (default 127.0.0.1)
  OTP_VERIFY_PORT         listen port (default 8787)
  OTP_VERIFY_PUBLIC_URL   the verifier's public URL, the tokens' issuer (default http://HOST:PORT)
  OTP_VERIFY_SIGNING_ALG  algorithm of new signing keys: ES256 (default) or EdDSA (Ed25519)`;

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return serve(rest);
  if (command === 'keys') return keys(rest);
  if (command === 'brands') {
    console.log(brandsCommand(rest, process.env));
    return;
  }
  if (command === 'templates') {
    console.log(templatesCommand(rest, process.env));
    return;
  }
  if (command === 'outbox') {
    console.log(outboxCommand(rest, process.env));
    return;
  }
  throw new UsageError(`unknown command "${command}"`);
}

async function serve(args: string[]): Promise<void> {
  if (args.length > 0) throw new UsageError(`serve takes no arguments (got "${args.join(' ')}")`);
  const logger = pino({ name: 'otp-verify' });
  const settings = settingsFromEnv(process.env);
  const verifier = await startVerifier({ ...settings, logger });
  logger.info(
    { url: verifier.url, mode: settings.mode, dataDir: settings.dataDir, kid: verifier.context.keys.current.kid },
    'verifier listening',
  );
  const shutdown = () => void verifier.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.on('SIGHUP', () => void verifier.context.keys.reload());
}

async function keys(args: string[]): Promise<void> {
  const [subcommand, ...options] = args;
  const settings = keySettingsFromEnv(process.env);
  const directory = keysDirectory(settings.dataDir);
  if (subcommand === 'list') {
    const json = options.includes('--json');
    const unknown = options.filter((option) => option !== '--json');
    if (unknown.length > 0) throw new UsageError(`keys list: unknown option "${unknown.join(' ')}"`);
    requireKeyDirectory(directory);
    const listed = listSigningKeys(settings.dataDir);
    console.log(json ? JSON.stringify(listed, null, 2) : keyTable(listed));
    return;
  }
  if (subcommand === 'rotate') {
    requireKeyDirectory(directory);
    // --alg, else OTP_VERIFY_SIGNING_ALG when set, else the algorithm of the key signing now.
    const signing = listSigningKeys(settings.dataDir)
      .filter((key) => key.state === 'signing')
      .at(-1);
    const alg =
      algorithmOption(options) ??
      (process.env.OTP_VERIFY_SIGNING_ALG ? settings.signingAlg : (signing?.alg ?? settings.signingAlg));
    const { created, retired, deleted } = await rotateSigningKey(settings.dataDir, { alg });
    console.log(`created ${created.kid} (${created.alg}): it signs new tokens as soon as the verifier sees it`);
    for (const key of retired) console.log(`retired ${key.kid}: published until ${key.publishedUntil ?? '?'}`);
    for (const kid of deleted) console.log(`deleted ${kid}: it had left the JWKS`);
    return;
  }
  throw new UsageError(
    subcommand === undefined ? 'keys needs a subcommand: list or rotate' : `unknown keys subcommand "${subcommand}"`,
  );
}

function algorithmOption(options: string[]): 'ES256' | 'EdDSA' | undefined {
  if (options.length === 0) return undefined;
  const [flag, value, ...extra] = options;
  const inline = flag?.startsWith('--alg=') ? flag.slice('--alg='.length) : undefined;
  const alg = inline ?? (flag === '--alg' ? value : undefined);
  if (alg === undefined || extra.length > 0 || (inline !== undefined && value !== undefined)) {
    throw new UsageError(
      `keys rotate: unexpected arguments "${options.join(' ')}"; the only option is --alg ES256|EdDSA`,
    );
  }
  if (!isSigningAlgorithm(alg)) throw new UsageError(`keys rotate: --alg must be ES256 or EdDSA (got "${alg}")`);
  return alg;
}

function requireKeyDirectory(directory: string): void {
  if (!existsSync(directory)) {
    throw new ConfigError(
      `no key directory at ${directory}: set OTP_VERIFY_DATA_DIR to the verifier's data directory (it is created when the verifier first starts)`,
    );
  }
}

function keyTable(listed: KeyInfo[]): string {
  const rows = [
    ['KID', 'ALG', 'CREATED', 'RETIRED', 'STATE'],
    ...listed.map((key) => [
      key.kid,
      key.alg,
      key.createdAt,
      key.retiredAt ?? '-',
      key.state === 'retired' ? `retired (published until ${key.publishedUntil ?? '?'})` : key.state,
    ]),
  ];
  return textTable(rows);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`otp-verify: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(
    error instanceof ConfigError || error instanceof CommandRefusal ? `otp-verify: ${error.message}` : error,
  );
  process.exit(1);
});
