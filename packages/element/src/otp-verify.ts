import { html, LitElement, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { sendShownBeacon } from './api/shown-beacon.js';
import { CodeField } from './controllers/code-field.js';
import { CountryPicker } from './controllers/country-picker.js';
import { VerificationFlow } from './controllers/verification-flow.js';
import { WebOtp } from './controllers/web-otp.js';
import type { FocusTarget, Step } from './controllers/verification-flow.js';
import { textDirection } from './i18n/negotiate.js';
import type { Text } from './i18n/text.js';
import { pickLocale } from './locale.js';
import { selectMode } from './mode.js';
import { orderFrom } from './order.js';
import { countryPickerStyles } from './country-picker.styles.js';
import { styles } from './otp-verify.styles.js';
import { scriptOrigin } from './script-origin.js';
import { setStates } from './states.js';
import { version } from './version.js';
import { renderCountryPicker } from './views/country-picker.js';

const PHONE_FAILURES = new Set(['phone_missing', 'invalid_phone', 'country_not_allowed']);
const CODE_FAILURES = new Set(['code_incomplete', 'invalid_code']);
/** The first steps the customer can act on: the element counts as shown once one of them is on screen. */
const SHOWN_STEPS: ReadonlySet<Step> = new Set(['phone', 'registered', 'code']);
/** Page set-up problems: trying again cannot help the customer. */
const NOT_RETRYABLE = new Set([
  'not_configured',
  'unknown_brand',
  'origin_not_allowed',
  'invalid_customer_token',
  'guest_checkout_disabled',
  'blocked',
  'locked',
  'session_expired',
  'session_closed',
  'session_not_found',
  'invalid_client_secret',
]);
const FOCUS_SELECTORS: Record<Exclude<FocusTarget, 'code'>, string> = {
  phone: '#phone',
  send: '#send',
  success: '#success',
  restart: '#restart',
};

/** A field is described by its hint and, while it is invalid, by the error message too. */
function describedBy(hintId: string, invalid: boolean): string {
  return invalid ? `${hintId} error` : hintId;
}

interface View {
  fields: TemplateResult | typeof nothing;
  actions: TemplateResult | typeof nothing;
}

/**
 * `<otp-verify>`: confirms an order with a one-time code sent by SMS and hands the page (and its form) an
 * order-verified token. See README.md for attributes, events, parts, states and theme tokens. The manifest's
 * CSS properties are the theme tokens of theme/tokens.ts (see custom-elements-manifest.config.mjs).
 *
 * @fires {CustomEvent<OtpSessionCreatedDetail>} otp-session-created - The element created the session.
 * @fires {CustomEvent<OtpCodeSentDetail>} otp-code-sent - A code (first or new) was sent.
 * @fires {CustomEvent<OtpVerifiedDetail>} otp-verified - The code was right; `detail.token` is the form value.
 * @fires {CustomEvent<OtpErrorDetail>} otp-error - The verifier refused a request, or the network failed.
 * @fires {CustomEvent<OtpExpiredDetail>} otp-expired - The code or the token can no longer be used.
 * @fires {CustomEvent<OtpVerifyChallengeDetail>} otp-verify-challenge - The verifier asks for a captcha or the
 *   brand's step-up before it sends the code; the page resolves it, then calls `continueAfterChallenge()`.
 * @csspart form - The box around every step.
 * @csspart legend - "Verify your phone number".
 * @csspart intro - The sentence opening the phone and registered-number steps.
 * @csspart label - Each field's label.
 * @csspart country-picker - The country picker (with one country, its name).
 * @csspart country-input - The picker's "Country" combobox.
 * @csspart country-list - The picker's list of countries.
 * @csspart country-option - One country in that list.
 * @csspart input - The mobile number field (also `phone-input`). The code field is in the light DOM
 *   (`.otp-verify-code`, slot `code`) so autofill and password managers find it.
 * @csspart phone-input - The mobile number field.
 * @csspart hint - The hint under a field.
 * @csspart error - The error message (role=alert).
 * @csspart status - The loading message and the success box.
 * @csspart success - The "Phone verified" box.
 * @csspart button - Every button (also `button-primary`, `button-secondary`, `button-link`).
 * @csspart button-primary - The step's main action.
 * @csspart button-secondary - "Send a new code".
 * @csspart button-link - "Change number", "Use a different number".
 * @csspart countdown - "New code in 27 s".
 * @csspart sends-left - How many new codes can still be sent.
 * @cssstate loading - Loading the brand's settings.
 * @cssstate phone - Asking for the mobile number.
 * @cssstate registered - Offering to text the number on the customer's account.
 * @cssstate code - Asking for the code.
 * @cssstate verified - Verified; the token is the form value.
 * @cssstate closed - The session ended (locked, expired or closed).
 * @cssstate unavailable - The verifier cannot be used now, or the page set the element up wrong.
 * @cssstate busy - A request to the verifier is under way.
 * @cssstate invalid - The last request failed; the error is shown.
 */
export class OtpVerify extends LitElement {
  static formAssociated = true;
  static readonly version = version;

  static override properties: PropertyDeclarations = {
    brand: { type: String },
    orderId: { type: String, attribute: 'order-id' },
    // An empty attribute is a missing amount, not 0 (Lit's Number converter would read it as 0).
    amount: { converter: { fromAttribute: (value: string | null) => (value?.trim() ? Number(value) : undefined) } },
    currency: { type: String },
    locale: { type: String },
    verifier: { type: String },
    // Credentials: read from the attributes, never reflected back to them.
    customerToken: { type: String, attribute: 'customer-token' },
    sessionId: { type: String, attribute: 'session-id' },
    clientSecret: { type: String, attribute: 'client-secret' },
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    formDisabled: { state: true },
  };

  static override styles = [styles, countryPickerStyles];

  /** The brand's publishable id. */
  declare brand: string | undefined;
  declare orderId: string | undefined;
  /** In minor units (cents). */
  declare amount: number | undefined;
  /** ISO 4217. */
  declare currency: string | undefined;
  /** BCP 47; defaults to the closest `lang` attribute, then the browser's language. */
  declare locale: string | undefined;
  /** Base URL of the verifier API; defaults to the origin the script was loaded from. */
  declare verifier: string | undefined;
  /** The brand's customer-auth OIDC ID token: the code goes to the number on the customer's account. */
  declare customerToken: string | undefined;
  /** A session the checkout server created (server to server), with its `clientSecret`. */
  declare sessionId: string | undefined;
  /** Bearer credential for that one session only. */
  declare clientSecret: string | undefined;
  /** The form field the token is submitted under. */
  declare name: string | undefined;
  declare required: boolean;
  declare protected formDisabled: boolean;

  readonly #internals: ElementInternals;
  readonly #flow: VerificationFlow;
  readonly #codeField: CodeField;
  readonly #webOtp: WebOtp;
  readonly #countryPicker: CountryPicker;
  #validity: { message: string; anchor: HTMLElement | undefined } = { message: '', anchor: undefined };
  /** The shown beacon goes once per element, at its first step the customer can use. */
  #shownReported = false;

  constructor() {
    super();
    this.required = false;
    this.formDisabled = false;
    this.#internals = this.attachInternals();
    this.#flow = new VerificationFlow(this, () => ({
      verifier: this.verifier || scriptOrigin,
      brand: this.brand,
      order: orderFrom(this.orderId, this.amount, this.currency),
      locale: this.#locale,
      mode: selectMode(this.customerToken, this.sessionId, this.clientSecret),
    }));
    this.#codeField = new CodeField(this, {
      change: (code, check) => this.#flow.enterCode(code, check),
      submit: () => void this.#flow.checkCode(),
    });
    this.#webOtp = new WebOtp(this, (code) => this.#flow.enterCode(code, true));
    this.#countryPicker = new CountryPicker(this, (code) => this.#flow.phone.selectCountry(code));
  }

  /** The order-verified token once the phone is verified. */
  get token(): string | undefined {
    return this.#flow.token?.token;
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /**
   * Repeats the send the verifier challenged (`otp-verify-challenge`), once the page resolved the challenge: with
   * the captcha widget's `challengeToken`, or with none after the brand's server called the step-up endpoint.
   */
  continueAfterChallenge(options: { challengeToken?: string } = {}): Promise<void> {
    return this.#flow.continueAfterChallenge(options.challengeToken);
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    this.#flow.restart({ clearPhone: true, initial: true });
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  get #text(): Text {
    return this.#flow.text;
  }

  get #locale(): string {
    return pickLocale(this.locale, this.closest('[lang]')?.getAttribute('lang'), navigator.language);
  }

  /**
   * The first render waits for the next task: the script's own task (define, upgrade) and the first render are
   * then two shorter main-thread tasks instead of one long one while the checkout page starts.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await new Promise((resolve) => setTimeout(resolve));
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('brand') || changed.has('verifier')) {
      void this.#flow.load();
    } else if (changed.has('customerToken') || changed.has('sessionId') || changed.has('clientSecret')) {
      // Another customer, or another session from the checkout server: start over in the mode they select.
      this.#flow.restart({ initial: true });
    } else if (changed.has('orderId') || changed.has('amount') || changed.has('currency')) {
      // A session and its token are bound to the order they were made for: a changed cart needs a new one.
      const flow = this.#flow;
      if (flow.session || flow.token || flow.busy || flow.failure?.code === 'not_configured') flow.restart();
    }
    if (changed.has('locale') && this.hasUpdated) void this.#flow.relocalize();
  }

  protected override updated(): void {
    this.#reportShown();
    this.#syncForm();
    this.#syncCodeStep();
    setStates(this.#internals.states, this.#states());
    const target = this.#flow.focus;
    if (target) {
      this.#flow.focus = undefined;
      if (target === 'code') this.#codeField.focus();
      else this.renderRoot.querySelector<HTMLElement>(FOCUS_SELECTORS[target])?.focus();
    }
  }

  #reportShown(): void {
    const flow = this.#flow;
    if (this.#shownReported || !flow.brand || !SHOWN_STEPS.has(flow.step)) return;
    this.#shownReported = true;
    sendShownBeacon(this.verifier || scriptOrigin, { brand: flow.brand.id, locale: this.#locale });
  }

  /** The code field and WebOTP exist only while the code step is open. */
  #syncCodeStep(): void {
    const flow = this.#flow;
    if (flow.step !== 'code') {
      this.#codeField.hide();
      this.#webOtp.stop();
      return;
    }
    this.#codeField.show({
      label: this.#text.codeLabel(flow.codeLength, flow.session?.phoneMasked ?? ''),
      hint: this.#text.codeHint,
      error: this.#message(),
      value: flow.code,
      length: flow.codeLength,
      invalid: CODE_FAILURES.has(flow.failure?.code ?? ''),
      busy: flow.busy,
      disabled: this.formDisabled,
    });
    if (this.formDisabled) this.#webOtp.stop();
    else this.#webOtp.listen();
  }

  /** `otp-verify:state(code)`, `:state(busy)`, `:state(invalid)`: the step and what is going on, for page CSS. */
  #states(): string[] {
    const flow = this.#flow;
    const states: string[] = [flow.step];
    if (flow.busy) states.push('busy');
    if (flow.failure) states.push('invalid');
    return states;
  }

  #message(): string {
    const flow = this.#flow;
    return flow.failure ? this.#text.failure(flow.failure, flow.codeLength, flow.canStartAgain) : '';
  }

  #syncForm(): void {
    const token = this.#flow.token?.token ?? null;
    this.#internals.setFormValue(token);
    const missing = !token && this.required;
    // The browser's "fill this in" bubble points at the step's first control.
    const anchor = missing ? (this.renderRoot.querySelector<HTMLElement>('input, button') ?? undefined) : undefined;
    const message = missing ? this.#text.valueMissing : '';
    // Every render comes here; validity changes far less often, and setting it is not free.
    if (message === this.#validity.message && anchor === this.#validity.anchor) return;
    this.#validity = { message, anchor };
    this.#internals.setValidity(missing ? { valueMissing: true } : {}, message, anchor);
  }

  protected override render(): TemplateResult {
    const flow = this.#flow;
    const view = this.#view();
    const message = this.#message();
    return html`
      <form
        part="form"
        lang=${flow.language}
        dir=${textDirection(flow.language)}
        novalidate
        aria-busy=${flow.busy ? 'true' : 'false'}
        @submit=${this.#onSubmit}
      >
        <fieldset ?disabled=${this.formDisabled}>
          <legend part="legend">${this.#text.legend}</legend>
          ${view.fields}
          ${
            // In the code step the error is shown beside the code field, in the light DOM, which it describes.
            flow.step === 'code'
              ? nothing
              : html`<div id="error" part="error" role="alert" class=${message ? 'shown' : ''}>${message}</div>`
          }
          ${view.actions}
        </fieldset>
        <div class="visually-hidden" role="status">${flow.announcement}</div>
      </form>
    `;
  }

  #view(): View {
    switch (this.#flow.step) {
      case 'loading':
        return { fields: html`<p part="status" class="hint">${this.#text.loading}</p>`, actions: nothing };
      case 'unavailable':
        return {
          fields: nothing,
          actions: html`${
            NOT_RETRYABLE.has(this.#flow.failure?.code ?? '')
              ? nothing
              : this.#button('retry', this.#text.tryAgain, () => this.#flow.load(true))
          }${this.#flow.registered && this.#flow.canUsePhone ? this.#usePhone() : nothing}`,
        };
      case 'phone':
        return this.#phoneStep();
      case 'registered':
        return this.#registeredStep();
      case 'code':
        return this.#codeStep();
      case 'closed':
        return {
          fields: nothing,
          actions: this.#flow.canStartAgain
            ? this.#button('restart', this.#text.startAgain, () => this.#flow.restart({ focus: true }))
            : this.#flow.canUsePhone
              ? this.#button('restart', this.#text.usePhone, this.#onUsePhone)
              : nothing,
        };
      case 'verified':
        return { fields: this.#verified(), actions: nothing };
    }
  }

  #phoneStep(): View {
    const flow = this.#flow;
    const { phone } = flow;
    const invalid = PHONE_FAILURES.has(flow.failure?.code ?? '');
    this.#countryPicker.sync(phone.options, phone.country, flow.language);
    return {
      fields: html`
        <p part="intro">${this.#text.intro(flow.brand?.displayName ?? '')}</p>
        <div class="phone-row">
          <div class="field country">
            ${renderCountryPicker(this.#countryPicker, {
              label: this.#text.country,
              noMatch: this.#text.noMatchingCountry,
              option: this.#text.countryOption,
            })}
          </div>
          <div class="field number">
            <label for="phone" part="label">${this.#text.phone}</label>
            <input
              id="phone"
              part="input phone-input"
              type="tel"
              autocomplete="tel"
              inputmode="tel"
              .value=${live(phone.value)}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${describedBy('phone-hint', invalid)}
              @input=${this.#onPhoneInput}
            />
          </div>
        </div>
        <p id="phone-hint" part="hint" class="hint">${this.#text.phoneHint}</p>
      `,
      actions: this.#submit(this.#text.sendCode),
    };
  }

  /** The number on the customer's account, masked: the element never has more of it. */
  #registeredStep(): View {
    const flow = this.#flow;
    return {
      fields: html`<p id="registered" part="intro">${this.#text.registered(flow.session?.phoneMasked ?? '')}</p>`,
      actions: html`
        ${this.#submit(this.#text.sendCode, 'send', describedBy('registered', flow.failure !== undefined))}
        ${flow.canUsePhone ? this.#usePhone() : nothing}
      `,
    };
  }

  #usePhone(): TemplateResult {
    return html`<button id="use-phone" type="button" part="button button-link" class="link" @click=${this.#onUsePhone}>
      ${this.#text.usePhone}
    </button>`;
  }

  #codeStep(): View {
    const flow = this.#flow;
    const sendsLeft = flow.session?.sendsLeft ?? 0;
    const wait = flow.resendCountdown.remaining;
    return {
      fields: html`<slot name="code"></slot>`,
      actions: html`
        ${this.#submit(this.#text.verify)}
        <div class="resend">
          ${
            sendsLeft > 0
              ? html`<button
                  type="button"
                  part="button button-secondary"
                  class="secondary"
                  ?disabled=${wait > 0}
                  aria-disabled=${flow.busy ? 'true' : 'false'}
                  @click=${this.#onResend}
                >
                  ${this.#text.resend}
                </button>`
              : nothing
          }
          ${wait > 0 && sendsLeft > 0 ? html`<span part="countdown" class="hint">${this.#text.resendIn(wait)}</span>` : nothing}
          ${sendsLeft <= 2 ? html`<span part="sends-left" class="hint">${this.#text.sendsLeft(sendsLeft)}</span>` : nothing}
        </div>
        ${
          flow.canChangeNumber
            ? html`<button type="button" part="button button-link" class="link" @click=${this.#onChangeNumber}>
                ${this.#text.changeNumber}
              </button>`
            : nothing
        }
      `,
    };
  }

  #verified(): TemplateResult {
    return html`
      <div id="success" part="status success" class="success" tabindex="-1">
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor" />
        </svg>
        <div>
          <strong>${this.#text.verified}</strong>
          <span class="hint">${this.#text.verifiedHint}</span>
        </div>
      </div>
    `;
  }

  #submit(label: string, id?: string, describedby?: string): TemplateResult {
    const busy = this.#flow.busy;
    return html`<button
      id=${id ?? nothing}
      type="submit"
      aria-describedby=${describedby ?? nothing}
      part="button button-primary"
      class="primary ${busy ? 'busy' : ''}"
      aria-disabled=${busy ? 'true' : 'false'}
    >
      ${label}
    </button>`;
  }

  #button(id: string, label: string, onClick: () => void): TemplateResult {
    return html`<button id=${id} type="button" part="button button-primary" class="primary" @click=${onClick}>
      ${label}
    </button>`;
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.#flow.step === 'phone') void this.#flow.submitPhone();
    else if (this.#flow.step === 'registered') void this.#flow.sendCode();
    else if (this.#flow.step === 'code') void this.#flow.checkCode();
  };

  #onPhoneInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const inputType = event instanceof InputEvent ? event.inputType : 'insertText';
    const caret = this.#flow.phone.input(input.value, input.selectionStart ?? input.value.length, inputType);
    // The formatted number goes in now, so the caret can stay after the digit it was after.
    input.value = this.#flow.phone.value;
    input.setSelectionRange(caret, caret);
  };

  #onResend = (): void => {
    void this.#flow.resend();
  };

  #onChangeNumber = (): void => {
    this.#flow.restart({ focus: true, phone: this.#flow.registered });
  };

  #onUsePhone = (): void => {
    this.#flow.restart({ focus: true, phone: true });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-verify': OtpVerify;
  }
}
