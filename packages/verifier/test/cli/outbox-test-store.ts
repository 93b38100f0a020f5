import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SealedContent } from '../../src/delivery/outbox/sealed-message.js';
import { sealMessage } from '../../src/delivery/outbox/sealed-message.js';
import type { MessageState, Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CLOCK_START } from '../support/clock.js';
import { makeSession } from '../support/sessions.js';
import { tempDir } from '../support/temp-dir.js';

/** What a sealed payload holds and no output of the CLI may show. */
export const SECRETS = { phone: '+491709876543', email: 'jane.doe@example.com', code: '834512' };

const CODE_LIFETIME_MS = 5 * 60_000;
/** A message that failed once waits this long for its next attempt, so no later claim of the test takes it. */
const WAITING_MS = 10 * 60_000;

const sealKey = randomBytes(32);

function smsContent(): SealedContent {
  return { to: SECRETS.phone, body: `Acme Mobile: ${SECRETS.code} is your code. Never share it.` };
}

function emailContent(): SealedContent {
  return { to: SECRETS.email, subject: 'Your code', body: `Your code is ${SECRETS.code}` };
}

export interface MessageOptions {
  brand?: string;
  sessionId?: string;
  /** Seal an email fallback (to SECRETS.email) with the SMS. */
  withFallback?: boolean;
}

export interface OutboxDataDir {
  /** The environment that points the CLI at this data directory. */
  env: NodeJS.ProcessEnv;
  /** The test's own connection to the database the CLI opens. */
  store: Store;
  /** The time of the latest message: each new message is a second after the one before. */
  now(): number;
  /** A message of a new session (unless `sessionId`), driven through the outbox's own updates into `state`. */
  message(state: MessageState, options?: MessageOptions): string;
  remove(): void;
}

/**
 * A verifier data directory whose database holds messages in any state. A `queued` message has failed one attempt
 * and waits for the next; a `sending` one holds a lease longer than any test runs.
 */
export function outboxDataDir(): OutboxDataDir {
  const dir = tempDir('otp-verify-outbox-');
  const store = openSqliteStore(join(dir.path, 'otp-verify.sqlite'), () => CLOCK_START);
  let at = CLOCK_START;
  let sequence = 0;

  const claim = (id: string) => {
    const claimed = store.claimMessages(at, at + WAITING_MS, 10);
    const mine = claimed.find((message) => message.id === id);
    if (claimed.length !== 1 || mine === undefined) throw new Error(`claimed ${claimed.length} messages, not ${id}`);
    return { id, attempts: mine.attempts };
  };

  const message = (state: MessageState, options: MessageOptions = {}): string => {
    at += 1000;
    sequence += 1;
    const id = `msg_cli_${sequence}`;
    const brand = options.brand ?? 'acme';
    let sessionId = options.sessionId;
    if (sessionId === undefined) {
      const session = makeSession({ brand, createdAt: at });
      store.insertSession(session);
      sessionId = session.id;
    }
    store.enqueueMessage({
      id,
      sessionId,
      brand,
      channel: 'sms',
      toMasked: '••• 43',
      payload: sealMessage(sealKey, id, smsContent()),
      fallback: options.withFallback
        ? { toMasked: 'j•••@example.com', payload: sealMessage(sealKey, `${id}.email`, emailContent()) }
        : null,
      createdAt: at,
      expiresAt: at + CODE_LIFETIME_MS,
    });
    if (state === 'queued') {
      const failure = { provider: 'primary', reason: 'primary answered HTTP 503', rejected: false, at };
      store.retryMessage(claim(id), { ...failure, nextAttemptAt: at + WAITING_MS });
    } else if (state === 'sent' || state === 'delivered') {
      store.markMessageSent(claim(id), { provider: 'primary', providerMessageId: `gw-${sequence}`, at });
      if (state === 'delivered') store.recordDelivery('primary', `gw-${sequence}`, 'delivered', undefined, at);
    } else if (state === 'failed' || state === 'dead' || state === 'cancelled') {
      const reason = { failed: 'rejected by every provider', dead: 'out of attempts', cancelled: 'session closed' };
      store.finishMessage(claim(id), { state, reason: reason[state], provider: 'primary', at });
    } else {
      claim(id);
    }
    return id;
  };

  return {
    env: { OTP_VERIFY_DATA_DIR: dir.path },
    store,
    now: () => at,
    message,
    remove: () => {
      store.close();
      dir.remove();
    },
  };
}
