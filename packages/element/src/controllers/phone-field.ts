import type { ReactiveControllerHost } from 'lit';
import { countryOptions, formatPhoneInput, parsePhone } from '../phone/phone.js';
import type { CountryCode, CountryOption, MetadataJson, PhoneResult } from '../phone/phone.js';

interface PhonePlan {
  countries: readonly string[];
  defaultCountry: string;
  metadata: MetadataJson;
}

/** The phone step's fields: the brand's countries, the chosen one and the number as typed. */
export class PhoneField {
  readonly #host: ReactiveControllerHost;
  #plan: PhonePlan | undefined;
  options: CountryOption[] = [];
  country: CountryCode | undefined;
  value = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  setup(plan: PhonePlan, locale: string): void {
    this.#plan = plan;
    this.relabel(locale);
    this.country = this.#find(this.country) ?? this.#find(plan.defaultCountry) ?? this.options[0]?.code;
  }

  /** Names the countries in another language. */
  relabel(locale: string): void {
    if (!this.#plan) return;
    this.options = countryOptions(this.#plan.countries, this.#plan.metadata, locale);
    this.#host.requestUpdate();
  }

  selectCountry(code: string): void {
    this.country = this.#find(code) ?? this.country;
    this.#host.requestUpdate();
  }

  /** Takes what the customer typed; `format` is false while they edit inside the number or delete. */
  input(text: string, format: boolean): void {
    this.value = text;
    if (format && this.#plan && this.country) {
      const formatted = formatPhoneInput(text, this.country, this.#plan.metadata);
      this.value = formatted.value;
      // Typing an international number (+33…) picks its country, when the brand serves it.
      this.country = this.#find(formatted.country) ?? this.country;
    }
    this.#host.requestUpdate();
  }

  parse(): PhoneResult {
    if (!this.#plan || !this.country) return { ok: false, reason: 'country_not_allowed' };
    return parsePhone(this.value, this.country, this.#plan.countries, this.#plan.metadata);
  }

  clear(): void {
    this.value = '';
    this.country = this.#find(this.#plan?.defaultCountry) ?? this.options[0]?.code;
    this.#host.requestUpdate();
  }

  #find(code: string | undefined): CountryCode | undefined {
    return this.options.find((option) => option.code === code)?.code;
  }
}
