import type { ReactiveControllerHost } from 'lit';
import { countryOptions, editPhone, parsePhone } from '../phone/phone.js';
import type { CountryOption, PhoneMetadata, PhoneResult } from '../phone/phone.js';

type CountryNames = readonly { code: string; name: string }[];

interface PhonePlan {
  countries: readonly string[];
  defaultCountry: string;
  metadata: PhoneMetadata;
}

/** The phone step's fields: the brand's countries, the chosen one and the number as typed. */
export class PhoneField {
  readonly #host: ReactiveControllerHost;
  #plan: PhonePlan | undefined;
  options: CountryOption[] = [];
  country: string | undefined;
  value = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The brand's rules, and its countries named in the customer's language (from the brand settings). */
  setup(plan: PhonePlan, names: CountryNames): void {
    this.#plan = plan;
    this.relabel(names);
    this.country = this.#find(this.country) ?? this.#find(plan.defaultCountry) ?? this.options[0]?.code;
  }

  /** Names the countries in another language. */
  relabel(names: CountryNames): void {
    if (!this.#plan) return;
    this.options = countryOptions(names, this.#plan.metadata);
    this.#host.requestUpdate();
  }

  selectCountry(code: string): void {
    this.country = this.#find(code) ?? this.country;
    this.#host.requestUpdate();
  }

  /**
   * Takes the field's value after an edit, the caret and the InputEvent's inputType; formats the number and
   * returns where the caret goes.
   */
  input(value: string, caret: number, inputType: string): number {
    if (!this.#plan || !this.country) {
      this.value = value;
      this.#host.requestUpdate();
      return caret;
    }
    const edit = editPhone({ previous: this.value, value, caret, inputType }, this.country, this.#plan.metadata);
    this.value = edit.value;
    // Typing an international number (+33…) picks its country, when the brand serves it.
    this.country = this.#find(edit.country) ?? this.country;
    this.#host.requestUpdate();
    return edit.caret;
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

  #find(code: string | undefined): string | undefined {
    return this.options.find((option) => option.code === code)?.code;
  }
}
