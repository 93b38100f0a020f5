import type { DevInboxStore } from '../store/port.js';
import type { MessageProvider } from './provider.js';

/** Keeps messages in the store for the /dev/inbox page instead of sending them: dev mode only. */
export function devInboxProvider(store: DevInboxStore): MessageProvider {
  let sequence = 0;
  return {
    name: 'dev-inbox',
    send: async (message) => {
      store.appendDevMessage(message);
      sequence += 1;
      return { providerMessageId: `dev-${message.sessionId}-${sequence}` };
    },
  };
}
