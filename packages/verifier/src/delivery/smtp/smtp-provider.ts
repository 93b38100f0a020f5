import type { MessageProvider } from '../provider.js';
import { DeliveryFailure } from '../provider.js';
import { acceptedMessageId } from './accepted-id.js';
import type { SmtpConfig } from './config-schema.js';
import { mailFor } from './mail.js';
import { smtpFailure } from './smtp-failure.js';
import { smtpTransport } from './transport.js';

/**
 * A provider that sends email through an SMTP server (a relay, a mail service's submission port), one attempt
 * per call; retries are the outbox's. It logs nothing: an SMTP transcript holds the address and the code.
 */
export function createSmtpProvider(name: string, config: SmtpConfig, password?: string): MessageProvider {
  const transport = smtpTransport(config, password);
  return {
    name,
    send: async (message, options = {}) => {
      if (message.channel !== 'email') {
        throw new DeliveryFailure(`SMTP provider "${name}" sends email only, not ${message.channel}`, true);
      }
      const mail = mailFor(message, config.from);
      try {
        const info = await transport.sendMail(options.signal ? { ...mail, signal: options.signal } : mail);
        return { providerMessageId: acceptedMessageId(info) };
      } catch (error) {
        throw smtpFailure(name, error, message, config.timeoutMs);
      }
    },
    close: async () => transport.close(),
  };
}
