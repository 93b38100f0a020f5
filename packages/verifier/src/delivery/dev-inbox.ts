import type { DevInboxStore } from '../store/port.js';
import type { MessageProvider } from './provider.js';

/**
 * Keeps messages in the store for the /dev/inbox page instead of sending them: dev mode only. Like a gateway that
 * honours idempotency keys, it keeps a message retried after a crash once.
 */
export function devInboxProvider(store: DevInboxStore): MessageProvider {
  return {
    name: 'dev-inbox',
    send: async (message) => {
      store.appendDevMessage(message, message.idempotencyKey);
      return { providerMessageId: `dev-${message.idempotencyKey}` };
    },
  };
}
