import { Router } from 'express';
import { z } from 'zod';
import type { DevInboxMessage } from '@otp-verify/protocol';
import { phoneInputSchema } from '@otp-verify/protocol';
import type { DevInboxStore, OutgoingMessage } from '../../store/port.js';
import { VerificationError } from '../../domain/errors.js';
import { smsSize } from '../../delivery/sms-size.js';
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
  const rows = messages
    .map(
      (message) =>
        `<tr><td>${escapeHtml(new Date(message.sentAt).toISOString())}</td><td>${escapeHtml(message.to)}</td>` +
        `<td>${escapeHtml(message.channel)}</td><td><pre>${escapeHtml(message.body)}</pre></td>` +
        `<td>${message.channel === 'sms' ? billedAs(message.body) : ''}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>otp-verify dev inbox</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap}</style>
</head><body><h1>Dev inbox</h1>
<p>Messages the verifier would have sent, newest first (dev mode only; refreshes every 5 s).</p>
<table><thead><tr><th scope="col">Sent</th><th scope="col">To</th><th scope="col">Channel</th><th scope="col">Message</th>
<th scope="col">Billed as</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">No messages yet.</td></tr>'}</tbody></table></body></html>`;
}

/** What a gateway would bill for the text: "GSM-7, 1 segment" or "UCS-2, 2 segments". */
function billedAs(text: string): string {
  const { encoding, segments } = smsSize(text);
  return `${encoding}, ${segments} segment${segments === 1 ? '' : 's'}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] as string);
}
