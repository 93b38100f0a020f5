import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SmtpSettings, WebhookSettings } from '../settings.js';
import type { Alert } from './alert-store.js';

export type Channel = 'email' | 'webhook';

export interface Notifier {
  channel: Channel;
  notify(alert: Alert): Promise<void>;
  close(): void;
}

const TIMEOUT_MS = 5_000;

export function emailNotifier(settings: SmtpSettings): Notifier {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    tls: { minVersion: 'TLSv1.2' },
    ...(settings.user === undefined ? {} : { auth: { user: settings.user, pass: settings.password } }),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    channel: 'email',
    notify: async (alert) => {
      await transport.sendMail({
        from: settings.from,
        to: settings.to,
        subject: `[otp-verify ${alert.severity}] ${alert.title}`,
        text: [
          alert.detail,
          '',
          `Rule: ${alert.rule}`,
          `Brand: ${alert.brand}`,
          `Value: ${alert.value} (threshold ${alert.threshold})`,
          `At: ${new Date(alert.at).toISOString()}`,
        ].join('\n'),
      });
    },
    close: () => transport.close(),
  };
}

/** The `X-Otp-Signature` value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (the receiver checks t too). */
export function webhookSignature(secret: string, body: string, seconds: number): string {
  const mac = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${mac}`;
}

export interface WebhookTiming {
  attempts: number;
  /** Waits before the second, third... attempt. */
  backoffMs: number;
  timeoutMs: number;
}

const DEFAULT_WEBHOOK_TIMING: WebhookTiming = { attempts: 3, backoffMs: 1_000, timeoutMs: TIMEOUT_MS };

/** POSTs the alert as JSON; retries a network error, a timeout or a 5xx a bounded number of times. */
export function webhookNotifier(
  settings: WebhookSettings,
  clock: () => number = Date.now,
  timing: WebhookTiming = DEFAULT_WEBHOOK_TIMING,
): Notifier {
  return {
    channel: 'webhook',
    notify: async (alert) => {
      const body = JSON.stringify({ type: 'alert', alert });
      for (let attempt = 1; ; attempt += 1) {
        const failure = await post(settings, body, clock, timing.timeoutMs);
        if (failure === undefined) return;
        if (attempt >= timing.attempts || !failure.retry) throw new Error(`webhook: ${failure.reason}`);
        await new Promise((resolve) => setTimeout(resolve, timing.backoffMs * attempt));
      }
    },
    close: () => undefined,
  };
}

async function post(
  settings: WebhookSettings,
  body: string,
  clock: () => number,
  timeoutMs: number,
): Promise<{ reason: string; retry: boolean } | undefined> {
  try {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-otp-signature': webhookSignature(settings.secret, body, Math.floor(clock() / 1000)),
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return undefined;
    return { reason: `answered ${response.status}`, retry: response.status >= 500 || response.status === 429 };
  } catch (error) {
    return { reason: (error as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable', retry: true };
  }
}
