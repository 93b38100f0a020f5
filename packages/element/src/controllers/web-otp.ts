import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface OtpCredential extends Credential {
  code: string;
}

/**
 * WebOTP: on Android Chrome the browser offers the code from the SMS (which ends with `@<host> #<code>`) and
 * hands it over after one tap. Listens while the code step is open; a cross-origin iframe needs
 * `allow="otp-credentials"`.
 */
export class WebOtp implements ReactiveController {
  readonly #onCode: (code: string) => void;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, onCode: (code: string) => void) {
    this.#onCode = onCode;
    host.addController(this);
  }

  static get supported(): boolean {
    return 'OTPCredential' in globalThis && typeof navigator.credentials?.get === 'function';
  }

  /**
   * Asks the browser once for this code step: a customer who declines, or a frame without the permission, is not
   * asked again on every render. `stop()` ends the step.
   */
  listen(): void {
    if (this.#abort || !WebOtp.supported) return;
    const abort = new AbortController();
    this.#abort = abort;
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: abort.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = (credential as OtpCredential | null)?.code;
        if (code && !abort.signal.aborted) this.#onCode(code);
      })
      // Declined, no SMS, not allowed in this frame, or aborted: typing or pasting the code still works.
      .catch(() => undefined);
  }

  /** The code step ended: cancels a pending request; the next code step asks again. */
  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
