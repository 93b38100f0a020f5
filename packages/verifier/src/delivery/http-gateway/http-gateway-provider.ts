import type { MessageProvider, ProviderMessage, SendOptions } from '../provider.js';
import { gatewayAuth } from './auth-headers.js';
import type { HttpGatewayConfig } from './config-schema.js';
import { HttpGatewayError, redacted } from './gateway-error.js';
import { gatewayReceiptReader } from './gateway-receipts.js';
import { gatewayRequest } from './gateway-request.js';
import { readAnswer } from './gateway-response.js';

/**
 * A provider that sends each message as one HTTP request built from configuration (platform.json) and reads
 * the gateway's message id from its JSON answer. One attempt per call; retries are the outbox's. With `receipts`
 * configured, it also reads the gateway's signed delivery receipts.
 */
export function httpGatewayProvider(name: string, config: HttpGatewayConfig, env: NodeJS.ProcessEnv): MessageProvider {
  const auth = gatewayAuth(name, config.auth, env);
  const fail = (message: ProviderMessage, problem: string, rejected: boolean, quote?: string): never => {
    const detail = quote === undefined ? '' : `: ${JSON.stringify(redacted(quote, message.to, auth.secrets))}`;
    throw new HttpGatewayError(`HTTP gateway "${name}" ${problem}${detail}`, rejected);
  };
  return {
    name,
    send: async (message: ProviderMessage, options: SendOptions = {}) => {
      const request = gatewayRequest(config, auth.headers, message);
      const timeout = AbortSignal.timeout(config.timeoutMs);
      let status: number;
      let body: string;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          // A redirect is an answer like any other that is not a success: never followed with the credentials.
          redirect: 'manual',
          signal: options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]),
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        return fail(message, unreachable(error, config.timeoutMs, timeout, options.signal), false);
      }
      const answer = readAnswer(config.response, status, body);
      if ('providerMessageId' in answer) return answer;
      return fail(message, answer.problem, answer.rejected, answer.quote);
    },
    ...(config.receipts === undefined ? {} : { readReceipts: gatewayReceiptReader(name, config.receipts, env) }),
  };
}

/** Why no answer came: our timeout, the caller giving up on the attempt, or the network error's code (ECONNREFUSED…). */
function unreachable(error: unknown, timeoutMs: number, timeout: AbortSignal, cancel: AbortSignal | undefined): string {
  if (timeout.aborted) return `did not answer within ${timeoutMs} ms`;
  if (cancel?.aborted) return 'was not waited for: the attempt was cancelled';
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `could not be reached${code}`;
}
