import type { Challenge, ErrorCode } from '@otp-verify/protocol';

export interface VerificationErrorDetails {
  attemptsLeft?: number;
  retryAfter?: number;
  reasons?: string[];
  challenge?: Challenge;
  errors?: { path: string; message: string }[];
}

/** A refusal the client is told about: its code, a human detail, and the contract's extra fields. */
export class VerificationError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly details: VerificationErrorDetails = {},
  ) {
    super(detail);
    this.name = 'VerificationError';
  }
}
