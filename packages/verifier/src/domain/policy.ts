import { CODE_LENGTH } from '@otp-verify/protocol';

/** The product numbers of DESIGN.md; a brand may override them only within these bounds. */
export const POLICY_BOUNDS = {
  codeLength: CODE_LENGTH,
  codeValiditySeconds: { min: 60, max: 600, default: 300 },
  maxAttempts: { min: 1, max: 5, default: 5 },
  maxSends: { min: 1, max: 5, default: 5 },
  resendCooldownSeconds: { min: 30, max: 300, default: 30 },
  sessionLifetimeSeconds: { min: 300, max: 3600, default: 1800 },
  tokenLifetimeSeconds: { min: 30, max: 300, default: 300 },
} as const;

export type PolicyName = keyof typeof POLICY_BOUNDS;
export type VerificationPolicy = Record<PolicyName, number>;

export const DEFAULT_POLICY: VerificationPolicy = Object.fromEntries(
  Object.entries(POLICY_BOUNDS).map(([name, bounds]) => [name, bounds.default]),
) as VerificationPolicy;

/** A brand's policy: its overrides (already within the bounds), the defaults for the rest. */
export function effectivePolicy(overrides: Partial<Record<PolicyName, number | undefined>>): VerificationPolicy {
  return Object.fromEntries(
    Object.entries(DEFAULT_POLICY).map(([name, value]) => [name, overrides[name as PolicyName] ?? value]),
  ) as VerificationPolicy;
}

/**
 * Seconds a customer waits before the next send: the cooldown grows with every send already made,
 * so a script cannot pump messages to one number at a steady rate.
 */
export function resendCooldownSeconds(policy: VerificationPolicy, sendsMade: number): number {
  return policy.resendCooldownSeconds * Math.max(1, sendsMade);
}
