/** Queue ids in the final 250 reply: Postfix ("queued as 4Xk2…"), Exim ("id=1qAbC-…"). */
const QUEUE_ID = /\b(?:queued as|id=)\s*([A-Za-z0-9._-]{4,64})/i;

/**
 * The id a delivery receipt or a server log will know the message by: the server's queue id when its reply
 * names one, else the id it gave the message itself (Microsoft 365, SES), else the message's own Message-ID.
 */
export function acceptedMessageId(info: { response: string; serverMessageId?: string; messageId: string }): string {
  return QUEUE_ID.exec(info.response)?.[1] ?? info.serverMessageId ?? info.messageId;
}
