export { createVerifier, startVerifier } from './verifier.js';
export type { RunningVerifier, Verifier, VerifierOptions } from './verifier.js';
export { settingsFromEnv } from './config/settings.js';
export type { VerifierSettings } from './config/settings.js';
export { brandRegistry, loadBrands, loadBrandsDirectory, loadBrandsFile, sha256Hex } from './config/brands.js';
export type { Brand, BrandRegistry } from './config/brands.js';
export type { BrandConfig } from './config/brand-schema.js';
export { ConfigError } from './config/config-error.js';
export { clientNetwork } from './domain/limits.js';
