import { z } from 'zod';
import { messageSchema } from '@otp-verify/protocol';
import type { Message, MessageKey } from '@otp-verify/element/i18n';
import { catalogs, placeholdersOf } from '@otp-verify/element/i18n';
import { brandLocaleProblem } from './brand-locales.js';

/** A brand's `messages`: by locale, by message key, its own wording of the element's text (see refineBrandMessages). */
export const brandMessagesSchema = z.record(z.string(), z.record(z.string(), messageSchema));

type BrandMessages = z.infer<typeof brandMessagesSchema>;

const english = catalogs.en;

const listPlaceholders = (names: string[]) => names.map((name) => `{${name}}`).join(', ');

/** Why a message cannot stand in for the English message `key`, or undefined when it can. */
function overrideProblem(key: string, message: Message): string | undefined {
  if (!Object.hasOwn(english, key)) return `"${key}" is not a message key (the keys are the English catalog's)`;
  const englishMessage = english[key as MessageKey];
  if (typeof message !== typeof englishMessage) {
    return typeof englishMessage === 'string'
      ? 'must be text, as the English message is'
      : 'must be counted text ({ "one": …, "other": … }), as the English message is';
  }
  const allowed = placeholdersOf(englishMessage);
  const stray = placeholdersOf(message).filter((name) => !allowed.includes(name));
  if (stray.length === 0) return undefined;
  const has = allowed.length > 0 ? listPlaceholders(allowed) : 'none';
  return `${listPlaceholders(stray)} is not a placeholder of the English message (it has ${has})`;
}

/**
 * A brand may override any message of any of its locales (by language), keeping the English message's shape (text or
 * counted text) and using none but its placeholders. Each problem names the brand, the locale and the key.
 */
export function refineBrandMessages(
  brand: { id: string; locales: readonly string[]; messages?: BrandMessages | undefined },
  context: z.RefinementCtx,
): void {
  const report = (path: string[], problem: string) =>
    context.addIssue({ code: 'custom', path: ['messages', ...path], message: `brand "${brand.id}": ${problem}` });
  for (const [locale, overrides] of Object.entries(brand.messages ?? {})) {
    const localeProblem = brandLocaleProblem(locale, brand.locales, 'a catalog');
    if (localeProblem !== undefined) {
      report([locale], localeProblem);
      continue;
    }
    for (const [key, message] of Object.entries(overrides)) {
      const problem = overrideProblem(key, message);
      if (problem !== undefined) report([locale, key], problem);
    }
  }
}
