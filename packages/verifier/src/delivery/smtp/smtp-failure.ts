import type { NodemailerError } from 'nodemailer/lib/errors';
import { DeliveryFailure } from '../provider.js';
import type { ProviderMessage } from '../provider.js';

/** Replies about the message itself; a 5xx elsewhere (AUTH, STARTTLS, MAIL FROM) is the provider's setup. */
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TLS_PROBLEM = /CERT|SSL|TLS|SIGNATURE/;
const MAX_QUOTED = 200;

/**
 * Why the server did not take the message, as a DeliveryFailure: `rejected` when it refused the message itself
 * with a permanent (5xx) reply to RCPT TO or DATA; every other failure counts against the provider.
 */
export function smtpFailure(provider: string, error: unknown, message: ProviderMessage, timeoutMs: number) {
  const smtpError = error as NodemailerError;
  const rejected = smtpError.permanent === true && MESSAGE_COMMANDS.has(smtpError.command ?? '');
  return new DeliveryFailure(`SMTP provider "${provider}" ${problem(smtpError, message, timeoutMs)}`, rejected);
}

function problem(error: NodemailerError, message: ProviderMessage, timeoutMs: number): string {
  const quote = (text: string) => JSON.stringify(redacted(text, message));
  if (error.code === 'EABORT') return 'gave up: the attempt was aborted';
  if (error.code === 'ETIMEDOUT') {
    // A silent server trips the greeting's and the socket's timers alike: which one fired says nothing more.
    return error.timeoutType === 'CONNECT_TIMEOUT'
      ? `could not connect within ${timeoutMs} ms`
      : `did not answer within ${timeoutMs} ms`;
  }
  if (error.response !== undefined) {
    const reply = `${error.responseCode ?? 'no code'}: ${quote(error.response)}`;
    // CONN: the greeting, or a reply to no command as the server hangs up (421).
    return error.command === 'CONN'
      ? `closed the connection with ${reply}`
      : `answered ${error.command ?? 'a command'} with ${reply}`;
  }
  const cause = error.originalCode ?? error.code ?? 'unknown error';
  if (UNREACHABLE.has(cause)) return `could not be reached (${cause})`;
  if (error.code === 'ETLS' || TLS_PROBLEM.test(cause)) return `failed TLS (${cause}): ${quote(error.message)}`;
  return `failed (${cause}): ${quote(error.message)}`;
}

/**
 * Server text fit to quote: on one line, shortened, with the recipient's address (servers echo it, in any case)
 * and any long run of digits the message holds (the code) replaced.
 */
function redacted(text: string, message: ProviderMessage): string {
  const codes = new Set(message.body.match(/\d{4,}/g));
  const quoted = text
    .replace(/\s+/g, ' ')
    .replace(new RegExp(escapeRegExp(message.to), 'gi'), '[address]')
    .replace(/\d{4,}/g, (digits) => (codes.has(digits) ? '[code]' : digits));
  return quoted.length > MAX_QUOTED ? `${quoted.slice(0, MAX_QUOTED)}…` : quoted;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
