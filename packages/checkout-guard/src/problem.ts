import { problemTypeFor } from './contract.js';
import type { OrderTokenError, OrderTokenErrorCode, OrderTokenErrorStatus } from './errors.js';

/** An RFC 9457 problem document, in the shape the verifier's API uses (API.md "Conventions"). */
export interface OrderTokenProblem {
  type: string;
  title: string;
  status: OrderTokenErrorStatus;
  code: OrderTokenErrorCode;
  detail: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem document a checkout server can answer a refused order with. No stack, no cause. */
export function orderTokenProblem(error: OrderTokenError): OrderTokenProblem {
  return {
    type: problemTypeFor(error.code),
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.message,
  };
}
