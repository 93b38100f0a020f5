import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { BrandRegistry } from './config/brands.js';
import { loadBrands } from './config/brands.js';
import { ConfigError } from './config/config-error.js';
import { loadOrCreateSecrets } from './config/secrets.js';
import type { VerifierSettings } from './config/settings.js';
import type { ExtraProviders } from './delivery/providers.js';
import { createConfiguredProviders, createProviders, providerNames } from './delivery/providers.js';
import { HttpCustomerDirectory } from './directory/customer-directory.js';
import { CustomerTokenVerifier } from './directory/customer-token.js';
import { SiteverifyCaptcha } from './directory/captcha/siteverify-captcha.js';
import { cachedSimSwap } from './directory/sim-swap/cached-sim-swap.js';
import { camaraSimSwap } from './directory/sim-swap/camara-sim-swap.js';
import type { SimSwapServiceConfig } from './config/risk-services-schema.js';
import { createApp } from './http/app.js';
import { createMetrics } from './http/metrics.js';
import { createOutbox } from './delivery/outbox/outbox.js';
import type { OutboxSettings } from './delivery/outbox/outbox-settings.js';
import { DEFAULT_OUTBOX_SETTINGS } from './delivery/outbox/outbox-settings.js';
import { databaseFile, openSqliteStore } from './store/sqlite/sqlite-store.js';
import { openSigningKeys } from './tokens/keystore.js';
import type { VerifierContext } from './usecases/context.js';
import { startHousekeeping } from './usecases/housekeeping.js';

export interface VerifierOptions extends Omit<VerifierSettings, 'host' | 'port' | 'brands'> {
  /** The brands directory or file to load, or an already loaded registry. */
  brands: string | BrandRegistry;
  /** Message providers besides the verifier's own and the configured ones, by name (a test's recording one). */
  providers?: ExtraProviders;
  /** Where configured providers and fraud services read their secrets (`secretEnv`); default process.env. */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  clock?: () => number;
  /** How often the key directory is checked for rotated keys besides fs.watch; 0: never. Default 2000 ms. */
  keyPollIntervalMs?: number;
  /** The outbox's timing (attempt timeout, retries, circuit breakers), over platform.json's and the defaults. */
  outbox?: Partial<OutboxSettings>;
  /** The CAMARA SIM Swap service, over platform.json's `simSwap` (the demo's and tests' stand-in, on a port of the run). */
  simSwapService?: SimSwapServiceConfig;
}

export interface Verifier {
  app: Express;
  context: VerifierContext;
  /** Stops the outbox (messages being sent go back to the queue), then closes the store and the providers. */
  close(): Promise<void>;
}

export async function createVerifier(options: VerifierOptions): Promise<Verifier> {
  const logger = options.logger ?? pino({ name: 'otp-verify' });
  const clock = options.clock ?? Date.now;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const secrets = loadOrCreateSecrets(options.dataDir);
  const brands =
    typeof options.brands === 'string' ? loadBrands(options.brands, providerNames(options.providers)) : options.brands;
  if (options.mode !== 'dev') refuseDevInboxRoutes(brands);
  const env = options.env ?? process.env;
  // Before anything is opened: a configured provider or fraud service whose secret is missing stops the start.
  const configuredProviders = createConfiguredProviders(brands.providers, {
    env,
    logger,
    // Receipts come for messages the outbox sent, so only once it exists (below: it needs the providers).
    receipts: (provider, receipt) => outbox.recordReceipt(provider, receipt),
  });
  const simSwapService = options.simSwapService ?? brands.simSwap;
  const simSwap = simSwapService && cachedSimSwap(camaraSimSwap(simSwapService, { env, logger, clock }), clock);
  const captcha = new SiteverifyCaptcha(brands.all(), env, logger);
  const store = openSqliteStore(databaseFile(options.dataDir), clock);
  const providers = createProviders(store, { ...configuredProviders, ...options.providers });
  const metrics = createMetrics();
  const outbox = createOutbox({
    store,
    providers,
    routeOf: (brandId, channel) => brands.get(brandId)?.delivery[channel] ?? [],
    sealKey: secrets.outboxKey,
    settings: { ...DEFAULT_OUTBOX_SETTINGS, ...brands.outbox, ...options.outbox },
    registry: metrics.registry,
    clock,
    logger,
  });
  const context: VerifierContext = {
    issuer: options.publicUrl,
    store,
    brands,
    secrets,
    keys: await openSigningKeys(options.dataDir, {
      alg: options.signingAlg ?? 'ES256',
      clock,
      logger,
      ...(options.keyPollIntervalMs === undefined ? {} : { pollIntervalMs: options.keyPollIntervalMs }),
    }),
    providers,
    customerTokens: new CustomerTokenVerifier(brands.all(), clock),
    customerDirectory: new HttpCustomerDirectory(brands.all()),
    metrics,
    simSwap,
    captcha,
    outbox,
    clock,
    randomInt: (max) => randomInt(max),
    randomId: (prefix) => `${prefix}${randomBytes(24).toString('base64url')}`,
  };
  outbox.start();
  const housekeeping = startHousekeeping(store, clock, logger);
  return {
    app: createApp(context, { mode: options.mode, logger, trustProxy: options.trustProxy ?? false }),
    context,
    close: async () => {
      housekeeping.stop();
      await context.outbox.stop();
      context.keys.close();
      store.close();
      // An SMPP bind is ended politely (unbind), in the background: nothing waits for it.
      for (const provider of Object.values(context.providers)) {
        provider.close?.().catch((error: unknown) => logger.warn({ err: error }, 'a message provider did not close'));
      }
    },
  };
}

/** Production sends real messages: a brand routed to the dev inbox would silently send nothing. */
function refuseDevInboxRoutes(brands: BrandRegistry): void {
  const routed = brands
    .all()
    .filter((brand) => [...brand.delivery.sms, ...(brand.delivery.email ?? [])].includes('dev-inbox'))
    .map((brand) => brand.id);
  if (routed.length > 0) {
    throw new ConfigError(
      `production mode sends real messages, and brands ${routed.join(', ')} route to the dev inbox: ` +
        'route them to a provider of platform.json (delivery.sms), or set OTP_VERIFY_MODE=dev',
    );
  }
}

export interface RunningVerifier extends Verifier {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** Creates the verifier and listens on host:port (port 0 picks a free one). */
export async function startVerifier(
  options: VerifierOptions & { host: string; port: number },
): Promise<RunningVerifier> {
  const verifier = await createVerifier(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = verifier.app.listen(options.port, options.host, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    ...verifier,
    url: `http://${options.host}:${port}`,
    server,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => {
          void verifier.close().then(resolve);
        });
        server.closeAllConnections();
      }),
  };
}
