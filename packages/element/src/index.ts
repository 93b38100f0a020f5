import { OtpVerify } from './otp-verify.js';

// Loading the script twice (a theme preview, two bundles on one page) must not throw.
const defined = customElements.get('otp-verify') as (CustomElementConstructor & { version?: string }) | undefined;
if (!defined) {
  customElements.define('otp-verify', OtpVerify);
} else if (defined.version !== OtpVerify.version) {
  console.warn(
    `<otp-verify> ${OtpVerify.version} was loaded, but ${defined.version ?? 'another version'} is already defined ` +
      'and stays in use. Load one copy of the script.',
  );
}

export { OtpVerify };
export type { FailureCode, LocalFailureCode } from './api/failure.js';
export type {
  OtpCodeSentDetail,
  OtpErrorDetail,
  OtpEventName,
  OtpExpiredDetail,
  OtpSessionCreatedDetail,
  OtpVerifiedDetail,
  OtpVerifyChallengeDetail,
} from './events.js';
