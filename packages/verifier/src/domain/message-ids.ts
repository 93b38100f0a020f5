/** The id of the email that stands in for an SMS that cannot be delivered: derived, so it is queued at most once. */
export function fallbackMessageId(smsId: string): string {
  return `${smsId}.email`;
}
