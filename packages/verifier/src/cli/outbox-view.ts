import type { Channel } from '@otp-verify/protocol';
import type { MessageState, OutboxMessage, StoredEvent } from '../store/port.js';
import { textTable } from './text-table.js';

/** Every state, in the order of a message's life; a Record so that a new state cannot be forgotten here. */
export const MESSAGE_STATES = Object.keys({
  queued: true,
  sending: true,
  sent: true,
  delivered: true,
  failed: true,
  dead: true,
  cancelled: true,
} satisfies Record<MessageState, true>) as MessageState[];

/** What the CLI shows of a message: everything but its sealed content (the address in clear and the code). */
export interface MessageView {
  id: string;
  sessionId: string;
  brand: string;
  channel: Channel;
  /** The masked address. */
  to: string;
  /** The masked address of the email that stands in if the SMS cannot be delivered (null once queued or none). */
  fallbackTo: string | null;
  state: MessageState;
  reason: string | null;
  attempts: number;
  provider: string | null;
  providerMessageId: string | null;
  refusedBy: string[];
  /** Whether the sealed content is still stored: without it the message cannot be sent again. */
  contentKept: boolean;
  createdAt: string;
  updatedAt: string;
  /** Only while queued. */
  nextAttemptAt: string | null;
  leaseUntil: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  expiresAt: string;
}

export interface EventView {
  id: number;
  at: string;
  type: string;
  data: Record<string, unknown>;
}

export function isoTime(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString();
}

const isoOrNull = (epochMilliseconds: number | null) =>
  epochMilliseconds === null ? null : isoTime(epochMilliseconds);

/** The fields are picked one by one, never spread, so that the payload cannot reach the output. */
export function messageView(message: OutboxMessage): MessageView {
  return {
    id: message.id,
    sessionId: message.sessionId,
    brand: message.brand,
    channel: message.channel,
    to: message.toMasked,
    fallbackTo: message.fallback?.toMasked ?? null,
    state: message.state,
    reason: message.reason,
    attempts: message.attempts,
    provider: message.provider,
    providerMessageId: message.providerMessageId,
    refusedBy: message.refusedBy,
    contentKept: message.payload !== null,
    createdAt: isoTime(message.createdAt),
    updatedAt: isoTime(message.updatedAt),
    nextAttemptAt: message.state === 'queued' ? isoTime(message.nextAttemptAt) : null,
    leaseUntil: isoOrNull(message.leaseUntil),
    sentAt: isoOrNull(message.sentAt),
    deliveredAt: isoOrNull(message.deliveredAt),
    expiresAt: isoTime(message.expiresAt),
  };
}

export function eventView(event: StoredEvent): EventView {
  return { id: event.id, at: isoTime(event.at), type: event.type, data: event.data };
}

export function messageTable(views: readonly MessageView[]): string {
  return textTable([
    ['ID', 'STATE', 'CHANNEL', 'TO', 'BRAND', 'ATTEMPTS', 'PROVIDER', 'REASON', 'CREATED', 'UPDATED'],
    ...views.map((view) => [
      view.id,
      view.state,
      view.channel,
      view.to,
      view.brand,
      String(view.attempts),
      view.provider ?? '-',
      view.reason ?? '-',
      view.createdAt,
      view.updatedAt,
    ]),
  ]);
}

/** One message, a field a line (those that apply to it), then its events in order. */
export function messageDetails(view: MessageView, events: readonly EventView[]): string {
  const fields: [string, string | null][] = [
    ['state', view.reason === null ? view.state : `${view.state} (${view.reason})`],
    ['session', view.sessionId],
    ['brand', view.brand],
    ['to', `${view.channel} ${view.to}`],
    ['email fallback', view.fallbackTo],
    ['attempts', String(view.attempts)],
    [
      'provider',
      view.providerMessageId === null ? view.provider : `${view.provider ?? '-'} (${view.providerMessageId})`,
    ],
    ['refused by', view.refusedBy.length === 0 ? null : view.refusedBy.join(', ')],
    ['created', view.createdAt],
    ['next attempt', view.nextAttemptAt],
    ['lease until', view.leaseUntil],
    ['sent', view.sentAt],
    ['delivered', view.deliveredAt],
    ['updated', view.updatedAt],
    ['code expires', view.expiresAt],
    ['content', view.contentKept ? 'sealed, kept' : 'erased'],
  ];
  const present = fields.filter((field): field is [string, string] => field[1] !== null);
  const eventLines =
    events.length === 0
      ? ['  (none)']
      : textTable(events.map((event) => [`  ${event.at}`, event.type, dataText(event.data)])).split('\n');
  return [view.id, textTable(present.map(([label, value]) => [`  ${label}`, value])), 'events:', ...eventLines].join(
    '\n',
  );
}

function dataText(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}

/** The count of every message by state, in the order of a message's life. */
export function stateSummary(counts: Partial<Record<MessageState, number>>): string {
  const parts = MESSAGE_STATES.filter((state) => (counts[state] ?? 0) > 0).map((state) => `${counts[state]} ${state}`);
  return parts.length === 0 ? 'the outbox is empty' : `in the outbox: ${parts.join(', ')}`;
}
