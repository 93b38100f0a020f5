#!/usr/bin/env node
import { pino } from 'pino';
import { ConfigError } from './config/config-error.js';
import { settingsFromEnv } from './config/settings.js';
import { startVerifier } from './verifier.js';

const USAGE = `Usage: otp-verify serve

Environment:
  OTP_VERIFY_BRANDS_FILE  path of the brands file (required)
  OTP_VERIFY_DATA_DIR     database, keys and secrets (default ./.data, created on first start)
  OTP_VERIFY_MODE         dev (dev inbox, no real SMS) or production (default)
  OTP_VERIFY_HOST         listen address (default 127.0.0.1)
  OTP_VERIFY_PORT         listen port (default 8787)
  OTP_VERIFY_PUBLIC_URL   the verifier's public URL, the tokens' issuer (default http://HOST:PORT)`;

async function main(args: string[]): Promise<void> {
  if (args[0] !== 'serve') {
    console.error(USAGE);
    process.exitCode = args[0] === undefined || args[0] === '--help' ? 0 : 2;
    return;
  }
  const logger = pino({ name: 'otp-verify' });
  const settings = settingsFromEnv(process.env);
  const verifier = await startVerifier({ ...settings, brands: settings.brandsFile, logger });
  logger.info({ url: verifier.url, mode: settings.mode, dataDir: settings.dataDir }, 'verifier listening');
  const shutdown = () => void verifier.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `otp-verify: ${error.message}` : error);
  process.exit(1);
});
