import type { MessageProvider, ProviderMessage } from '../provider.js';
import { gatewayAuth } from './auth-headers.js';
import type { HttpGatewayConfig } from './config-schema.js';
import { HttpGatewayError, redacted } from './gateway-error.js';
import { gatewayRequest } from './gateway-request.js';
import { readAnswer } from './gateway-response.js';

/**
 * A provider that sends each message as one HTTP request built from configuration (platform.json) and reads
 * the gateway's message id from its JSON answer. One attempt per call; retries are the outbox's.
 */
export function httpGatewayProvider(name: string, config: HttpGatewayConfig, env: NodeJS.ProcessEnv): MessageProvider {
  const auth = gatewayAuth(name, config.auth, env);
  const fail = (message: ProviderMessage, problem: string, quote?: string): never => {
    const detail = quote === undefined ? '' : `: ${JSON.stringify(redacted(quote, message.to, auth.secrets))}`;
    throw new HttpGatewayError(`HTTP gateway "${name}" ${problem}${detail}`);
  };
  return {
    name,
    send: async (message) => {
      const request = gatewayRequest(config, auth.headers, message);
      let status: number;
      let body: string;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          // A redirect is an answer like any other that is not a success: never followed with the credentials.
          redirect: 'manual',
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        return fail(message, unreachable(error, config.timeoutMs));
      }
      const answer = readAnswer(config.response, status, body);
      if ('providerMessageId' in answer) return answer;
      return fail(message, answer.problem, answer.quote);
    },
  };
}

/** Why no answer came, from fetch's error: a timeout, or the network error's code (ECONNREFUSED…). */
function unreachable(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `did not answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `could not be reached${code}`;
}
