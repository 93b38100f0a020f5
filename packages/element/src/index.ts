import { OtpVerify } from './otp-verify.js';

// Loading the script twice (a theme preview, two bundles on one page) must not throw.
if (!customElements.get('otp-verify')) customElements.define('otp-verify', OtpVerify);

export { OtpVerify };
export type { FailureCode, LocalFailureCode } from './api/failure.js';
export type {
  OtpCodeSentDetail,
  OtpErrorDetail,
  OtpEventName,
  OtpExpiredDetail,
  OtpSessionCreatedDetail,
  OtpVerifiedDetail,
} from './events.js';
