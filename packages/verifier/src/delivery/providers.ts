import type { DevInboxStore } from '../store/port.js';
import { devInboxProvider } from './dev-inbox.js';
import type { MessageProvider } from './provider.js';

/** The message providers this verifier has, by the name a brand's `delivery` routes to. */
export const PROVIDER_NAMES = ['dev-inbox'] as const;
/** Providers by name besides the verifier's own (a test's recording provider). */
export type ExtraProviders = Record<string, MessageProvider>;
export type MessageProviders = Record<(typeof PROVIDER_NAMES)[number], MessageProvider> & ExtraProviders;

export function createProviders(store: DevInboxStore, extra: ExtraProviders = {}): MessageProviders {
  return { ...extra, 'dev-inbox': devInboxProvider(store) };
}

/** The names a brand may route to when the verifier also has `extra` providers. */
export function providerNames(extra: ExtraProviders = {}): string[] {
  return [...PROVIDER_NAMES, ...Object.keys(extra)];
}
