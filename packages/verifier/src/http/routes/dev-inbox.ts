import { Router } from 'express';
import { z } from 'zod';
import type { DevInboxMessage } from '@otp-verify/protocol';
import { phoneInputSchema } from '@otp-verify/protocol';
import type { DevInboxStore, OutgoingMessage } from '../../store/port.js';
import { VerificationError } from '../../domain/errors.js';
import { escapeHtml } from '../../delivery/escape-html.js';
import { smsSize } from '../../delivery/sms-size.js';
import { billedAs, devPage, devTable } from '../dev-page.js';
import { methodNotAllowed } from './method-not-allowed.js';

const querySchema = z.strictObject({ to: phoneInputSchema.optional() });
const PAGE_SIZE = 50;

/** The dev inbox: what the dev provider "sent". Mounted only in dev mode. */
export function devInboxRoutes(store: DevInboxStore): Router {
  const router = Router();
  router
    .route('/dev/inbox/messages')
    .get((req, res) => {
      const query = querySchema.safeParse(req.query);
      if (!query.success) throw new VerificationError('invalid_request', 'Use ?to=<E.164 number>.');
      // An unencoded `?to=+49…` arrives as " 49…" (a query-string "+" is a space): read it as the number meant.
      const to = query.data.to?.replace(/^ (?=[0-9]+$)/, '+');
      const messages = store.listDevMessages({ to, limit: PAGE_SIZE }).map(toWire);
      res.set('Cache-Control', 'no-store').json(messages);
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/dev/inbox')
    .get((_req, res) => {
      res
        .set('Cache-Control', 'no-store')
        .type('html')
        .send(inboxPage(store.listDevMessages({ limit: PAGE_SIZE })));
    })
    .all(methodNotAllowed('GET'));
  return router;
}

function toWire(message: OutgoingMessage): DevInboxMessage {
  return { ...message, sentAt: new Date(message.sentAt).toISOString() };
}

function inboxPage(messages: OutgoingMessage[]): string {
  const rows = messages.map(
    (message) =>
      `<tr><td>${escapeHtml(new Date(message.sentAt).toISOString())}</td><td>${escapeHtml(message.to)}</td>` +
      `<td>${escapeHtml(message.channel)}</td><td><pre>${escapeHtml(message.body)}</pre></td>` +
      `<td>${message.channel === 'sms' ? billedAs(smsSize(message.body)) : ''}</td></tr>`,
  );
  return devPage({
    title: 'Dev inbox',
    intro: 'Messages the verifier would have sent, newest first (dev mode only; refreshes every 5 s).',
    table: devTable(['Sent', 'To', 'Channel', 'Message', 'Billed as'], rows, 'No messages yet.'),
    refreshSeconds: 5,
  });
}
