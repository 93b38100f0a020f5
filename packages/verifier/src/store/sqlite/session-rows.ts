import type { Channel, SessionStatus } from '@otp-verify/protocol';
import { challengeSchema } from '@otp-verify/protocol';
import type { Challenge } from '../../domain/risk/risk-rules.js';
import type { Session } from '../../domain/session.js';

export interface SessionRow {
  id: string;
  brand: string;
  order_id: string;
  amount: number;
  currency: string;
  locale: string;
  status: string;
  client_secret_hash: string;
  phone_e164: string | null;
  phone_ref: string | null;
  phone_masked: string | null;
  email: string | null;
  checkout_host: string;
  policy: string;
  max_attempts: number;
  created_at: number;
  expires_at: number;
  code_hash: string | null;
  code_key_id: string | null;
  code_expires_at: number | null;
  code_channel: Channel | null;
  last_sent_at: number | null;
  sends: number;
  attempts: number;
  token_jti: string | null;
  /** A JSON array of the challenges passed. */
  challenges_passed: string;
}

export const SESSION_COLUMNS = [
  'id',
  'brand',
  'order_id',
  'amount',
  'currency',
  'locale',
  'status',
  'client_secret_hash',
  'phone_e164',
  'phone_ref',
  'phone_masked',
  'email',
  'checkout_host',
  'policy',
  'max_attempts',
  'created_at',
  'expires_at',
  'code_hash',
  'code_key_id',
  'code_expires_at',
  'code_channel',
  'last_sent_at',
  'sends',
  'attempts',
  'token_jti',
  'challenges_passed',
] as const satisfies readonly (keyof SessionRow)[];

export function sessionFromRow(row: SessionRow): Session {
  return {
    id: row.id,
    brand: row.brand,
    order: { id: row.order_id, amount: row.amount, currency: row.currency },
    locale: row.locale,
    status: row.status as SessionStatus,
    clientSecretHash: row.client_secret_hash,
    phoneE164: row.phone_e164,
    phoneRef: row.phone_ref,
    phoneMasked: row.phone_masked,
    email: row.email,
    checkoutHost: row.checkout_host,
    policy: JSON.parse(row.policy) as Session['policy'],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    codeHash: row.code_hash,
    codeKeyId: row.code_key_id,
    codeExpiresAt: row.code_expires_at,
    codeChannel: row.code_channel,
    lastSentAt: row.last_sent_at,
    sends: row.sends,
    attempts: row.attempts,
    tokenJti: row.token_jti,
    challengesPassed: challengesFromColumn(row.challenges_passed),
  };
}

export function rowFromSession(session: Session): SessionRow {
  return {
    id: session.id,
    brand: session.brand,
    order_id: session.order.id,
    amount: session.order.amount,
    currency: session.order.currency,
    locale: session.locale,
    status: session.status,
    client_secret_hash: session.clientSecretHash,
    phone_e164: session.phoneE164,
    phone_ref: session.phoneRef,
    phone_masked: session.phoneMasked,
    email: session.email,
    checkout_host: session.checkoutHost,
    policy: JSON.stringify(session.policy),
    max_attempts: session.policy.maxAttempts,
    created_at: session.createdAt,
    expires_at: session.expiresAt,
    code_hash: session.codeHash,
    code_key_id: session.codeKeyId,
    code_expires_at: session.codeExpiresAt,
    code_channel: session.codeChannel,
    last_sent_at: session.lastSentAt,
    sends: session.sends,
    attempts: session.attempts,
    token_jti: session.tokenJti,
    challenges_passed: JSON.stringify(session.challengesPassed),
  };
}

/** The known challenges in the column, each once; anything else there (a foreign value, broken JSON) is dropped. */
function challengesFromColumn(column: string): Challenge[] {
  let values: unknown;
  try {
    values = JSON.parse(column);
  } catch {
    return [];
  }
  if (!Array.isArray(values)) return [];
  const known = values.filter((value): value is Challenge => challengeSchema.safeParse(value).success);
  return [...new Set(known)];
}
