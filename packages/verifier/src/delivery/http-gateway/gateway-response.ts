import type { HttpGatewayConfig } from './config-schema.js';
import { valueAtPath } from './json-path.js';

/**
 * What was wrong with an answer, in words fit for an error message (the caller redacts quoted gateway text), and
 * whether the gateway refused the message itself.
 */
export type AnswerProblem = { problem: string; quote?: string; rejected: boolean };

/**
 * 4xx statuses that say the account, credentials or endpoint are wrong (401, 402, 403, 404, 405, 407) or that the
 * gateway is busy (408, 429): every message would fail alike, so they count against the gateway, not the message.
 */
const GATEWAY_FAULT_4XX = new Set([401, 402, 403, 404, 405, 407, 408, 429]);

/**
 * Whether an answer that is not a success refuses the message itself (an invalid number, a text too long), so
 * sending it to this gateway again is pointless: the configured `rejectedStatuses`, by default every other 4xx.
 * 5xx and redirects are the gateway's fault.
 */
export function isRejectedStatus(response: HttpGatewayConfig['response'], status: number): boolean {
  if (response.rejectedStatuses !== undefined) return response.rejectedStatuses.includes(status);
  return status >= 400 && status < 500 && !GATEWAY_FAULT_4XX.has(status);
}

/** The gateway's message id from its answer, or what was wrong with the answer. */
export function readAnswer(
  response: HttpGatewayConfig['response'],
  status: number,
  body: string,
): { providerMessageId: string } | AnswerProblem {
  const document = parseJson(body);
  if (!response.successStatuses.includes(status)) {
    const reason = response.errorPath === undefined ? undefined : valueAtPath(document, response.errorPath);
    return {
      problem: `answered HTTP ${status}`,
      rejected: isRejectedStatus(response, status),
      ...(reason === undefined ? {} : { quote: typeof reason === 'string' ? reason : JSON.stringify(reason) }),
    };
  }
  if (document === undefined) {
    return { problem: `answered HTTP ${status} with a body that is not JSON`, rejected: false };
  }
  const id = valueAtPath(document, response.messageIdPath);
  if ((typeof id === 'string' && id !== '') || typeof id === 'number') return { providerMessageId: String(id) };
  return { problem: `answered HTTP ${status} without a message id at ${response.messageIdPath}`, rejected: false };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
