import type { MessageState, OutboxMessage, Store, StoredEvent } from '../store/port.js';
import { CommandRefusal } from './command-refusal.js';
import { withDataDirStore } from './data-dir-store.js';
import {
  MESSAGE_STATES,
  eventView,
  isoTime,
  messageDetails,
  messageTable,
  messageView,
  stateSummary,
} from './outbox-view.js';
import { parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

export const OUTBOX_USAGE = `  otp-verify outbox list [--state STATE] [--session ID] [--limit N] [--json]
                                         the newest messages (N: default 50, at most 1000) and the
                                         count by state; STATE: queued, sending, sent, delivered,
                                         failed, dead or cancelled. Addresses masked, no codes
  otp-verify outbox show ID [--json]     one message and its events
  otp-verify outbox retry ID             queue a dead or failed message again now, with fresh attempts
  otp-verify outbox dead-letter ID [--reason TEXT]
                                         stop a queued or sending message (default reason "operator")`;

const MAX_LIMIT = 1000;
const EVENT_PAGE = 500;

/**
 * `otp-verify outbox …` on the database in OTP_VERIFY_DATA_DIR: the text to print. No output holds a message's
 * sealed content: addresses are shown masked, and codes never.
 */
export function outboxCommand(args: string[], env: NodeJS.ProcessEnv, now = Date.now()): string {
  const [subcommand, ...rest] = args;
  if (subcommand === 'list') return list(rest, env);
  if (subcommand === 'show') return show(rest, env);
  if (subcommand === 'retry') return retry(rest, env, now);
  if (subcommand === 'dead-letter') return deadLetter(rest, env, now);
  throw new UsageError(
    subcommand === undefined
      ? 'outbox needs a subcommand: list, show, retry or dead-letter'
      : `unknown outbox subcommand "${subcommand}"`,
  );
}

function list(args: string[], env: NodeJS.ProcessEnv): string {
  const options = parseOptions('outbox list', args, {
    state: { type: 'string' },
    session: { type: 'string' },
    limit: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
  });
  const filter = { state: stateOption(options.state), sessionId: options.session, limit: limitOption(options.limit) };
  return withDataDirStore(env, (store) => {
    const views = store.listMessages(filter).map(messageView);
    const counts = store.countMessagesByState();
    if (options.json) return JSON.stringify({ messages: views, countsByState: counts }, null, 2);
    const shown = `${views.length} shown, newest first (--limit ${filter.limit}); ${stateSummary(counts)}`;
    return views.length === 0 ? `no messages match\n${shown}` : `${messageTable(views)}\n${shown}`;
  });
}

function show(args: string[], env: NodeJS.ProcessEnv): string {
  const id = messageId('outbox show', args[0]);
  const { json } = parseOptions('outbox show', args.slice(1), { json: { type: 'boolean', default: false } });
  return withDataDirStore(env, (store, file) => {
    const message = existingMessage(store, id, file);
    const events = eventsOf(store, message).map(eventView);
    const view = messageView(message);
    return json ? JSON.stringify({ message: view, events }, null, 2) : messageDetails(view, events);
  });
}

function retry(args: string[], env: NodeJS.ProcessEnv, now: number): string {
  const id = messageId('outbox retry', args[0]);
  parseOptions('outbox retry', args.slice(1), {});
  return withDataDirStore(env, (store, file) => {
    const requeued = store.requeueMessage(id, now);
    if (requeued === undefined) {
      throw new CommandRefusal(`cannot retry ${id}: ${whyNotRetriable(existingMessage(store, id, file), now)}`);
    }
    return (
      `${id} is queued again with fresh attempts (its code is valid until ${isoTime(requeued.expiresAt)}): ` +
      `a running verifier's worker sends it at its next poll of the outbox`
    );
  });
}

function deadLetter(args: string[], env: NodeJS.ProcessEnv, now: number): string {
  const id = messageId('outbox dead-letter', args[0]);
  const { reason } = parseOptions('outbox dead-letter', args.slice(1), {
    reason: { type: 'string', default: 'operator' },
  });
  if (reason.trim() === '') throw new UsageError('outbox dead-letter: --reason must not be empty');
  return withDataDirStore(env, (store, file) => {
    const before = existingMessage(store, id, file);
    if (store.deadLetterMessage(id, reason, now) === undefined) {
      const { state } = existingMessage(store, id, file);
      throw new CommandRefusal(
        `cannot dead-letter ${id}: it is already ${state}; only a queued or sending message can be dead-lettered`,
      );
    }
    const inFlight =
      before.state === 'sending'
        ? '; a worker was sending it: if the provider accepted that attempt, the customer may still get it'
        : '';
    return `${id} is dead-lettered (${reason}): it will not be sent${inFlight}`;
  });
}

function messageId(command: string, id: string | undefined): string {
  if (id === undefined || id.startsWith('-'))
    throw new UsageError(`${command}: the message id comes first (${command} ID)`);
  return id;
}

function existingMessage(store: Store, id: string, file: string): OutboxMessage {
  const message = store.findMessage(id);
  if (message === undefined) throw new CommandRefusal(`no message ${id} in ${file}`);
  return message;
}

function whyNotRetriable(message: OutboxMessage, now: number): string {
  switch (message.state) {
    case 'sent':
    case 'delivered':
      return `it was already ${message.state} (by ${message.provider ?? '?'}); nothing to retry`;
    case 'queued':
      return `it is still queued (next attempt at ${isoTime(message.nextAttemptAt)}); the worker retries it by itself`;
    case 'sending':
      return `a worker is sending it now (attempt ${message.attempts})`;
    case 'cancelled':
      return `it was cancelled (${message.reason ?? '?'}): a newer code replaced it or its session ended`;
    case 'failed':
    case 'dead':
      if (message.expiresAt <= now) {
        return `its code expired at ${isoTime(message.expiresAt)}: the customer must ask for a new one`;
      }
      return message.payload === null
        ? 'its content was erased: the customer must ask for a new code'
        : 'a newer message of its session (a new code, or its email stand-in) replaced it';
  }
}

/** The events of the message's session that name the message, oldest first. */
function eventsOf(store: Store, message: OutboxMessage): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let afterId = 0; ;) {
    const page = store.listEvents({ sessionId: message.sessionId, afterId, limit: EVENT_PAGE });
    events.push(...page.filter((event) => event.messageId === message.id));
    const last = page.at(-1);
    if (last === undefined || page.length < EVENT_PAGE) return events;
    afterId = last.id;
  }
}

function stateOption(state: string | undefined): MessageState | undefined {
  if (state === undefined || (MESSAGE_STATES as string[]).includes(state)) return state as MessageState | undefined;
  throw new UsageError(`outbox list: --state must be one of ${MESSAGE_STATES.join(', ')} (got "${state}")`);
}

function limitOption(limit: string): number {
  const value = /^\d+$/.test(limit) ? Number(limit) : NaN;
  if (!(value >= 1 && value <= MAX_LIMIT)) {
    throw new UsageError(`outbox list: --limit must be a whole number from 1 to ${MAX_LIMIT} (got "${limit}")`);
  }
  return value;
}
