/** Stand-ins of the fraud services the verifier asks, for tests and the demo (`@otp-verify/verifier/stand-ins`). */
export { startCamaraStandIn } from './directory/sim-swap/camara-stand-in.js';
export type { CamaraStandIn, CamaraStandInOptions } from './directory/sim-swap/camara-stand-in.js';
export { startSiteverifyStandIn } from './directory/captcha/siteverify-stand-in.js';
export type { SiteverifyStandIn, SiteverifyStandInOptions } from './directory/captcha/siteverify-stand-in.js';
