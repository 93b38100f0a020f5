import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BrandSettings, Order } from '@otp-verify/protocol';
import { endsSession } from '../api/failure.js';
import type { Failure } from '../api/failure.js';
import { VerifierClient, VerifierError } from '../api/verifier-client.js';
import { normalizeCode } from '../digits.js';
import { emit } from '../events.js';
import { text } from '../i18n/en.js';
import { asMetadata } from '../phone/phone.js';
import { CountdownController } from './countdown.js';
import { DeadlineController } from './deadline.js';
import { PhoneField } from './phone-field.js';

/**
 * loading: fetching the brand; unavailable: the brand could not be loaded; phone: asking for the number;
 * code: a code was sent; closed: the session can no longer be used; verified: the token is ready.
 */
export type Step = 'loading' | 'unavailable' | 'phone' | 'code' | 'closed' | 'verified';

/** Where the host should move focus after its next render, after something the customer did. */
export type FocusTarget = 'phone' | 'code' | 'success' | 'restart';

export interface FlowConfig {
  verifier: string;
  brand: string | undefined;
  order: Order | undefined;
  locale: string;
}

interface Session {
  id: string;
  clientSecret: string;
  phone: string;
  codeLength: number;
  phoneMasked: string;
  sendsLeft: number;
  sent: boolean;
}

/** The verification session against the verifier: brand, phone, code, token (API.md). */
export class VerificationFlow implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: () => FlowConfig;
  readonly #expiry: DeadlineController;
  #abort = new AbortController();
  #reloadOnConnect = false;

  readonly phone: PhoneField;
  readonly resendCountdown: CountdownController;
  step: Step = 'loading';
  brand: BrandSettings | undefined;
  session: Session | undefined;
  token: { token: string; expiresAt: string } | undefined;
  code = '';
  failure: Failure | undefined;
  busy = false;
  announcement = '';
  focus: FocusTarget | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, config: () => FlowConfig) {
    this.#host = host;
    this.#config = config;
    this.#expiry = new DeadlineController(host);
    this.phone = new PhoneField(host);
    this.resendCountdown = new CountdownController(host);
    host.addController(this);
  }

  get codeLength(): number {
    return this.session?.codeLength ?? this.brand?.codeLength ?? 6;
  }

  hostConnected(): void {
    if (this.#reloadOnConnect) void this.load();
    this.#reloadOnConnect = false;
  }

  hostDisconnected(): void {
    // Moving the element in the page cancels what is in flight; a cancelled brand load must be redone.
    this.#reloadOnConnect = this.step === 'loading';
    this.#cancel();
  }

  /** Fetches the brand's settings; `retry` when the customer asked for it, so focus follows. */
  async load(retry = false): Promise<void> {
    this.#clear();
    this.brand = undefined;
    const { brand, verifier, locale } = this.#config();
    if (!brand) {
      this.step = 'unavailable';
      this.#fail({ code: 'not_configured' });
      return;
    }
    this.step = 'loading';
    await this.#run(async (signal) => {
      const settings = await new VerifierClient(verifier).brand(brand, signal);
      const metadata = asMetadata(settings.phoneMetadata);
      if (!metadata) throw new VerifierError({ code: 'internal_error' });
      this.brand = settings;
      this.phone.setup({ countries: settings.countries, defaultCountry: settings.defaultCountry, metadata }, locale);
      this.step = 'phone';
      if (retry) this.focus = 'phone';
    });
  }

  /** Validates the number, creates the session (or reuses one whose send failed) and sends the code. */
  async submitPhone(): Promise<void> {
    if (this.busy || this.step !== 'phone' || !this.brand) return;
    const phone = this.phone.parse();
    if (!phone.ok) {
      this.failure = { code: phone.reason };
      this.focus = 'phone';
      this.#host.requestUpdate();
      return;
    }
    const { verifier, order, locale } = this.#config();
    if (!order) {
      this.#fail({ code: 'not_configured' });
      return;
    }
    const brand = this.brand.id;
    await this.#run(async (signal) => {
      if (this.session?.phone !== phone.e164) {
        const body = { brand, order, locale, phone: phone.e164, country: phone.country };
        const created = await new VerifierClient(verifier).createSession(body, signal);
        this.session = {
          id: created.id,
          clientSecret: created.clientSecret,
          phone: phone.e164,
          codeLength: created.codeLength,
          phoneMasked: created.phoneMasked ?? '',
          sendsLeft: 0,
          sent: false,
        };
        this.#expireAt(created.expiresAt);
        emit(this.#host, 'otp-session-created', {
          sessionId: created.id,
          expiresAt: created.expiresAt,
          codeLength: created.codeLength,
        });
      }
      await this.#send(signal);
    });
  }

  /** Takes what the customer typed or pasted in the code field and checks it once it is complete. */
  enterCode(input: string): void {
    this.code = normalizeCode(input, this.codeLength);
    if (this.failure?.code === 'code_incomplete') this.failure = undefined;
    this.#host.requestUpdate();
    if (this.code.length === this.codeLength) void this.checkCode();
  }

  async checkCode(): Promise<void> {
    const session = this.session;
    if (this.busy || this.step !== 'code' || !session) return;
    if (this.code.length !== session.codeLength) {
      this.failure = { code: 'code_incomplete' };
      this.focus = 'code';
      this.#host.requestUpdate();
      return;
    }
    const code = this.code;
    const verified = await this.#run(async (signal) => {
      const result = await new VerifierClient(this.#config().verifier).check(
        session.id,
        session.clientSecret,
        code,
        signal,
      );
      this.token = { token: result.token, expiresAt: result.tokenExpiresAt };
      this.step = 'verified';
      this.focus = 'success';
      this.announcement = '';
      this.resendCountdown.stop();
      this.#expireAt(result.tokenExpiresAt);
      emit(this.#host, 'otp-verified', { token: result.token, expiresAt: result.tokenExpiresAt });
    });
    if (!verified && this.step === 'code') {
      this.code = '';
      this.focus = 'code';
      this.#host.requestUpdate();
    }
  }

  async resend(): Promise<void> {
    if (this.busy || this.step !== 'code' || this.resendCountdown.remaining > 0) return;
    await this.#run((signal) => this.#send(signal));
  }

  /**
   * Back to the phone step with a new session: "Change number", "Start again", a form reset or a changed
   * order. `focus` when the customer asked for it.
   */
  restart(options: { focus?: boolean; clearPhone?: boolean; failure?: Failure } = {}): void {
    if (!this.brand) {
      void this.load(options.focus);
      return;
    }
    this.#clear();
    if (options.clearPhone) this.phone.clear();
    this.failure = options.failure;
    this.step = 'phone';
    if (options.focus) this.focus = 'phone';
  }

  async #send(signal: AbortSignal): Promise<void> {
    const session = this.session;
    if (!session) return;
    const sent = await new VerifierClient(this.#config().verifier).send(session.id, session.clientSecret, signal);
    this.announcement = session.sent
      ? text.newCodeSent(sent.phoneMasked, sent.sendsLeft)
      : text.codeSent(sent.phoneMasked);
    Object.assign(session, { phoneMasked: sent.phoneMasked, sendsLeft: sent.sendsLeft, sent: true });
    this.step = 'code';
    this.code = '';
    this.focus = 'code';
    this.resendCountdown.start(sent.retryAfter);
    this.#expireAt(sent.expiresAt);
    emit(this.#host, 'otp-code-sent', {
      phoneMasked: sent.phoneMasked,
      retryAfter: sent.retryAfter,
      expiresAt: sent.expiresAt,
      sendsLeft: sent.sendsLeft,
    });
  }

  /** Runs one request at a time; returns whether it succeeded. A cancelled request changes nothing. */
  async #run(work: (signal: AbortSignal) => Promise<void>): Promise<boolean> {
    const signal = this.#abort.signal;
    this.busy = true;
    this.failure = undefined;
    this.#host.requestUpdate();
    try {
      await work(signal);
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      this.#fail(error instanceof VerifierError ? error.failure : { code: 'internal_error' });
      return false;
    } finally {
      if (!signal.aborted) {
        this.busy = false;
        this.#host.requestUpdate();
      }
    }
  }

  #fail(failure: Failure): void {
    this.failure = failure;
    if (this.step === 'loading') this.step = 'unavailable';
    if (endsSession(failure)) {
      this.#expiry.clear();
      if (this.step === 'code') {
        this.step = 'closed';
        this.focus = 'restart';
      } else {
        this.session = undefined;
      }
    }
    if (failure.code === 'rate_limited' && failure.retryAfter && this.step === 'code') {
      this.resendCountdown.start(failure.retryAfter);
    }
    this.#host.requestUpdate();
    emit(this.#host, 'otp-error', { ...failure });
  }

  #expireAt(expiresAt: string): void {
    this.#expiry.set(expiresAt, () => this.#expire(expiresAt));
  }

  #expire(expiresAt: string): void {
    if (this.step === 'code') {
      this.step = 'closed';
      this.failure = { code: 'session_expired' };
      // Move focus to "Start again" only if it was in the code step, which is gone now; never steal it.
      if (this.#host.matches(':focus-within')) this.focus = 'restart';
      emit(this.#host, 'otp-expired', { expired: 'session', expiresAt });
    } else if (this.step === 'verified') {
      this.restart({ failure: { code: 'token_expired' } });
      emit(this.#host, 'otp-expired', { expired: 'token', expiresAt });
    } else {
      this.session = undefined;
    }
    this.#host.requestUpdate();
  }

  /** Forgets the session, the token and the code, and cancels what is in flight. */
  #clear(): void {
    this.#cancel();
    this.session = undefined;
    this.token = undefined;
    this.code = '';
    this.failure = undefined;
    this.announcement = '';
    this.resendCountdown.stop();
    this.#expiry.clear();
  }

  #cancel(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.busy = false;
    this.#host.requestUpdate();
  }
}
