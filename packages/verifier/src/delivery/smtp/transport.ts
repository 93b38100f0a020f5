import nodemailer from 'nodemailer';
import type { SmtpConfig } from './config-schema.js';

const DEFAULT_PORTS = { tls: 465, starttls: 587, none: 25 } as const;

/** A nodemailer transport to the configured server: one connection per message, or a pool. */
export function smtpTransport(config: SmtpConfig, password: string | undefined) {
  const options = {
    host: config.host,
    port: config.port ?? DEFAULT_PORTS[config.security],
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    tls: { minVersion: 'TLSv1.2' as const },
    ...(config.user === undefined ? {} : { auth: { user: config.user, pass: password } }),
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    dnsTimeout: config.timeoutMs,
    // nodemailer's own logging is off (its default): a transaction log would carry the address and the code.
    logger: false,
  };
  return config.pool === undefined
    ? nodemailer.createTransport(options)
    : nodemailer.createTransport({ ...options, pool: true, maxConnections: config.pool });
}
