import type { Locale } from '@otp-verify/element/i18n';
import { LOCALES, isLocale } from '@otp-verify/element/i18n';
import { boundedMemo } from '../bounded-memo.js';

/** The language a brand speaks to a customer in, and the tag amounts and durations are written for. */
export interface MessageLocale {
  locale: Locale;
  tag: string;
}

export const LOCALES_WITH_TEMPLATES = `a language with a catalog and message templates (${LOCALES.join(', ')})`;

/**
 * A BCP 47 tag as a message locale ('de-AT' gives de, written for de-AT), without Unicode extensions so a tag
 * cannot switch the digits (`-u-nu-…`) of an SMS; undefined when it is not BCP 47 (of at most 35 characters) or
 * its language has no templates.
 */
export function parseLocale(tag: string): MessageLocale | undefined {
  return tag.length > MAX_TAG_LENGTH ? undefined : parsedLocale(tag);
}

/** As long as a session's locale may be (the protocol's localeSchema). */
const MAX_TAG_LENGTH = 35;
const MAX_CACHED_TAGS = 256;

// Parsing a tag costs ~10 µs and every send and settings request needs the brand's and the customer's.
const parsedLocale = boundedMemo(MAX_CACHED_TAGS, (tag): MessageLocale | undefined => {
  try {
    const { language, baseName } = new Intl.Locale(tag);
    return isLocale(language) ? { locale: language, tag: baseName } : undefined;
  } catch {
    return undefined;
  }
});

/**
 * The brand's locale for the customer's tag: the customer's language when the brand has it, written as the
 * customer's tag (de-AT gets German with Austrian amounts at a de-DE brand), else the brand's first locale.
 * The brand's locales are validated at start: at least one, each with templates.
 */
export function messageLocale(brandLocales: readonly string[], requested: string | undefined): MessageLocale {
  const customer = requested === undefined ? undefined : parseLocale(requested);
  if (customer !== undefined && brandLocales.some((tag) => parseLocale(tag)?.locale === customer.locale)) {
    return customer;
  }
  return parseLocale(brandLocales[0] as string) as MessageLocale;
}

/** The languages of a brand's locales: each has a catalog and templates (the unparsable ones are refused). */
export function languagesOf(brandLocales: readonly string[]): Locale[] {
  return brandLocales.flatMap((tag) => parseLocale(tag)?.locale ?? []);
}

/**
 * Why a brand's messages or templates (`what`: "a catalog", "templates") for `locale` are refused, or undefined
 * when `locale` is one of the brand's languages and has them.
 */
export function brandLocaleProblem(locale: string, brandLocales: readonly string[], what: string): string | undefined {
  if (!isLocale(locale)) return `"${locale}" is not a locale with ${what} (${LOCALES.join(', ')})`;
  if (!languagesOf(brandLocales).includes(locale)) {
    return `"${locale}" is not one of the brand's locales (${brandLocales.join(', ')}): it would never be used`;
  }
  return undefined;
}
