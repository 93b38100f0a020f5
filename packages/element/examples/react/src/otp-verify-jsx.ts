import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  OtpCodeSentDetail,
  OtpErrorDetail,
  OtpExpiredDetail,
  OtpSessionCreatedDetail,
  OtpVerifiedDetail,
  OtpVerify,
} from '@otp-verify/element';

/**
 * `<otp-verify>` in JSX. React 19 sets the props the element has as properties (`amount` stays a number), writes
 * the others as attributes (`order-id`), and adds each `on<event-name>` prop as a listener for that event.
 */
interface OtpVerifyProps extends DetailedHTMLProps<HTMLAttributes<OtpVerify>, OtpVerify> {
  brand: string;
  'order-id': string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
  verifier?: string;
  locale?: string;
  'customer-token'?: string;
  name?: string;
  required?: boolean;
  'onotp-session-created'?: (event: CustomEvent<OtpSessionCreatedDetail>) => void;
  'onotp-code-sent'?: (event: CustomEvent<OtpCodeSentDetail>) => void;
  'onotp-verified'?: (event: CustomEvent<OtpVerifiedDetail>) => void;
  'onotp-error'?: (event: CustomEvent<OtpErrorDetail>) => void;
  'onotp-expired'?: (event: CustomEvent<OtpExpiredDetail>) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares JSX types in this namespace
  namespace JSX {
    interface IntrinsicElements {
      'otp-verify': OtpVerifyProps;
    }
  }
}
