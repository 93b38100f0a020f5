import { z } from 'zod';
import { ConfigError } from '../../config/config-error.js';
import type { ProviderType } from '../providers.js';
import { smppProviderConfigSchema } from './config.js';
import { createSmppProvider } from './provider.js';

/**
 * `"type": "smpp"` in platform.json's `providers`: an SMSC bound as a transceiver, its password from the
 * environment. Delivery receipts go to the receipt sink under the provider's name, and to the log (message id and
 * state, never the text, which echoes the code).
 */
export const smppType: ProviderType = smppProviderConfigSchema
  .extend({ type: z.literal('smpp') })
  .transform((config) => (name, { env, logger, receipts }) => {
    const password = env[config.passwordEnv];
    if (!password) {
      throw new ConfigError(
        `provider "${name}": ${config.passwordEnv}, its SMPP password, is not set in the environment`,
      );
    }
    const providerLogger = logger.child({ provider: name });
    return createSmppProvider(config, {
      password,
      logger: providerLogger,
      onReceipt: (receipt) => {
        providerLogger.info({ receipt }, 'delivery receipt');
        receipts(name, receipt);
      },
    });
  });
