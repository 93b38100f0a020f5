/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the verifier API, set at build time (see .env). */
  readonly VITE_OTP_VERIFIER_URL: string;
}
