#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { OperatorError, Operators } from './auth/operators.js';
import { brandNames } from './brand-names.js';
import { USERS_USAGE, usersCommand } from './cli/users-command.js';
import { startDashboard } from './dashboard.js';
import { dashboardDataDirFromEnv, settingsFromEnv, SettingsError } from './settings.js';
import { openDashboardDatabase } from './store/dashboard-database.js';

const USAGE = `Usage:
  otp-verify-dashboard serve             run the dashboard
${USERS_USAGE}

Environment:
  OTP_VERIFY_DATA_DIR      the verifier's data directory (its events; default ./.data)
  OTP_VERIFY_BRANDS        the verifier's brands directory (brand names); required by serve
  DASHBOARD_DATA_DIR       users, sessions and alerts (default <OTP_VERIFY_DATA_DIR>/dashboard)
  DASHBOARD_HOST / _PORT   listen address (default 127.0.0.1:3100)
  DASHBOARD_PUBLIC_ORIGIN  the origin browsers use, behind a proxy (default: this address, localhost or 127.0.0.1 on its port)
  DASHBOARD_TRUST_PROXY    proxy hops to trust for the client address (default 0)
  DASHBOARD_PRICES         price table (default the verifier's; else match platform.json's prices)
  DASHBOARD_ALERT_RULES    alert rules (default config/alert-rules.json)
  DASHBOARD_SMTP_HOST, _PORT, _SECURITY (tls|starttls|none), _USER, _PASSWORD,
  DASHBOARD_ALERT_EMAIL_FROM, DASHBOARD_ALERT_EMAIL_TO (comma-separated): alert emails
  DASHBOARD_WEBHOOK_URL, DASHBOARD_WEBHOOK_SECRET (32+ characters): signed alert webhooks
  DASHBOARD_PASSWORD       the password for users add / reset-password (else read from stdin)`;

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command === 'serve') return serve(rest);
  if (command === 'users') return users(rest);
  throw new OperatorError(`unknown command "${command}"\n${USAGE}`);
}

async function serve(args: string[]): Promise<void> {
  if (args.length > 0) throw new OperatorError(`serve takes no arguments (got "${args.join(' ')}")`);
  const logger = pino({ name: 'otp-verify-dashboard' });
  const settings = settingsFromEnv(process.env);
  const dashboard = await startDashboard({
    host: settings.host,
    port: settings.port,
    verifierDataDir: settings.verifierDataDir,
    brands: settings.brands,
    dataDir: settings.dataDir,
    ...(settings.pricesFile === undefined ? {} : { prices: settings.pricesFile }),
    alertRules: settings.alertRulesFile,
    ...(settings.publicOrigin === undefined ? {} : { publicOrigin: settings.publicOrigin }),
    ...(settings.trustProxy === undefined ? {} : { trustProxy: settings.trustProxy }),
    ...(settings.smtp === undefined ? {} : { smtp: settings.smtp }),
    ...(settings.webhook === undefined ? {} : { webhook: settings.webhook }),
    logger,
  });
  logger.info({ url: dashboard.url, rules: dashboard.context.rules.length }, 'dashboard listening');
  const shutdown = () => void dashboard.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function users(args: string[]): Promise<void> {
  const db = openDashboardDatabase(dashboardDataDirFromEnv(process.env));
  try {
    const brands = process.env.OTP_VERIFY_BRANDS ? brandNames(process.env.OTP_VERIFY_BRANDS) : undefined;
    console.log(
      await usersCommand(args, {
        operators: new Operators(db),
        password: readPassword,
        ...(brands === undefined ? {} : { brandExists: (id: string) => brands.has(id) }),
      }),
    );
  } finally {
    db.close();
  }
}

/** DASHBOARD_PASSWORD, else the first line of stdin (never an argument: it would show in `ps`). */
async function readPassword(): Promise<string> {
  if (process.env.DASHBOARD_PASSWORD !== undefined) return process.env.DASHBOARD_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (shown as you type; prefer piping it): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof OperatorError || error instanceof SettingsError) {
    console.error(`otp-verify-dashboard: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
