import type { HttpGatewayConfig } from './config-schema.js';
import { valueAtPath } from './json-path.js';

/** What was wrong with an answer, in words fit for an error message (the caller redacts quoted gateway text). */
export type AnswerProblem = { problem: string; quote?: string };

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
      ...(reason === undefined ? {} : { quote: typeof reason === 'string' ? reason : JSON.stringify(reason) }),
    };
  }
  if (document === undefined) return { problem: `answered HTTP ${status} with a body that is not JSON` };
  const id = valueAtPath(document, response.messageIdPath);
  if ((typeof id === 'string' && id !== '') || typeof id === 'number') return { providerMessageId: String(id) };
  return { problem: `answered HTTP ${status} without a message id at ${response.messageIdPath}` };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
