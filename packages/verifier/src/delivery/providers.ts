import type { Logger } from 'pino';
import type { z } from 'zod';
import type { DevInboxStore } from '../store/port.js';
import { devInboxProvider } from './dev-inbox.js';
import { httpGatewayType } from './http-gateway/provider-type.js';
import { smppType } from './smpp/provider-type.js';
import { smtpType } from './smtp/provider-type.js';
import type { MessageProvider } from './provider.js';
import type { ReceiptSink } from './receipt.js';

/** The verifier's own providers, by the name a brand's `delivery` routes to; no configured one may take it. */
export const PROVIDER_NAMES = ['dev-inbox'] as const;

/**
 * What a configured provider is made with: the environment its secrets come from, the verifier's logger, and
 * where it reports the delivery receipts it receives.
 */
export interface ProviderDependencies {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  receipts: ReceiptSink;
}

/** Creates a configured provider, reading its secrets from the environment (a missing one: ConfigError). */
export type ProviderFactory = (name: string, dependencies: ProviderDependencies) => MessageProvider;
/** A kind of provider: validates one entry of platform.json's `providers` into the factory of that provider. */
export type ProviderType = z.ZodType<ProviderFactory>;

/** The provider kinds by their `type` in platform.json. */
export const PROVIDER_TYPES: Readonly<Record<string, ProviderType>> = {
  http: httpGatewayType,
  smpp: smppType,
  smtp: smtpType,
};

/** Providers configured in platform.json, by name. */
export type ConfiguredProviders = Readonly<Record<string, ProviderFactory>>;
/** Providers by name besides the verifier's own (configured ones, a test's recording provider). */
export type ExtraProviders = Record<string, MessageProvider>;
export type MessageProviders = Record<(typeof PROVIDER_NAMES)[number], MessageProvider> & ExtraProviders;

/** The providers configured in platform.json, created: their secrets are read from `env` now. */
export function createConfiguredProviders(
  configured: ConfiguredProviders,
  dependencies: ProviderDependencies,
): ExtraProviders {
  return Object.fromEntries(Object.entries(configured).map(([name, create]) => [name, create(name, dependencies)]));
}

export function createProviders(store: DevInboxStore, extra: ExtraProviders = {}): MessageProviders {
  return { ...extra, 'dev-inbox': devInboxProvider(store) };
}

/** The names a brand may route to when the verifier also has `extra` providers. */
export function providerNames(extra: ExtraProviders = {}): string[] {
  return [...PROVIDER_NAMES, ...Object.keys(extra)];
}
