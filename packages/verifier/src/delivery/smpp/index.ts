export { smppProviderConfigSchema, type SmppProviderConfig } from './config.js';
export { createSmppProvider, SmppSubmitRefusedError, type SmppProvider, type SmppProviderOptions } from './provider.js';
export type { DeliveryReceipt, ReceiptState } from '../receipt.js';
export { SmppBindRefusedError } from './session.js';
