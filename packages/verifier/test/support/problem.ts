import { expect } from 'vitest';
import type { ErrorCode, Problem } from '@otp-verify/protocol';
import { ERROR_STATUS, ERROR_TITLES, problemSchema, problemType } from '@otp-verify/protocol';
import type { ApiResponse } from './api.js';

/** Asserts a problem+json response with the contract's status, type, title and code for `code`. */
export function expectProblem(response: ApiResponse, code: ErrorCode): Problem {
  const status = ERROR_STATUS[code];
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { code } });
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(response.body);
  expect(problem).toMatchObject({ type: problemType(code), title: ERROR_TITLES[code], status, code });
  expect(problem.detail).toEqual(expect.any(String));
  expect(JSON.stringify(problem)).not.toMatch(/\bat .+\.(?:js|ts):\d+/);
  return problem;
}
