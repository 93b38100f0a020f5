import type { BrandRegistry } from '../config/brands.js';
import type { ServerSecrets } from '../config/secrets.js';
import type { RandomInt } from '../domain/code.js';
import type { Outbox } from '../delivery/outbox/outbox.js';
import type { MessageProviders } from '../delivery/providers.js';
import type { CustomerDirectory } from '../directory/customer-directory.js';
import type { CustomerTokenVerifier } from '../directory/customer-token.js';
import type { CaptchaVerifier } from '../directory/captcha/captcha-verifier.js';
import type { SimSwapChecker } from '../directory/sim-swap/sim-swap-checker.js';
import type { Store } from '../store/port.js';
import type { SigningKeys } from '../tokens/keystore.js';
import type { VerifierMetrics } from '../http/metrics.js';

/** Everything the use cases need, built once at start. The clock and randomness are injected. */
export interface VerifierContext {
  issuer: string;
  store: Store;
  brands: BrandRegistry;
  secrets: ServerSecrets;
  keys: SigningKeys;
  /** The message providers by name; a brand's `delivery` routes its messages to them. */
  providers: MessageProviders;
  customerTokens: CustomerTokenVerifier;
  /** Customer references of server-to-server session creation, per brand. */
  customerDirectory: CustomerDirectory;
  metrics: VerifierMetrics;
  /** The CAMARA SIM Swap service (platform.json `simSwap`); undefined: numbers are not checked. */
  simSwap: SimSwapChecker | undefined;
  /** Verifies captcha tokens with the brand's siteverify endpoint (brands with a `captcha`). */
  captcha: CaptchaVerifier;
  /** The durable queue the codes go out through, and where delivery receipts are recorded. */
  outbox: Outbox;
  clock: () => number;
  randomInt: RandomInt;
  /** An unguessable identifier with the given prefix. */
  randomId: (prefix: string) => string;
}
