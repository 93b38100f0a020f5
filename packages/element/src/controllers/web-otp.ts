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

  /** Starts listening unless already listening. */
  listen(): void {
    if (this.#abort || !WebOtp.supported) return;
    const abort = new AbortController();
    this.#abort = abort;
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: abort.signal } as CredentialRequestOptions)
      .then((credential) => {
        if (abort.signal.aborted) return;
        this.#abort = undefined;
        const code = (credential as OtpCredential | null)?.code;
        if (code) this.#onCode(code);
      })
      // Dismissed by the customer, no SMS, or aborted: typing the code still works.
      .catch(() => {
        if (this.#abort === abort) this.#abort = undefined;
      });
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
