import type { en } from './locales/en.js';

/** Counted text: one full sentence per Intl.PluralRules category, chosen by the `count` value; `other` is the fallback. */
export type PluralMessage = { readonly [Category in Intl.LDMLPluralRule]?: string } & { readonly other: string };

/** One message: text with `{placeholder}`s, or counted text. */
export type Message = string | PluralMessage;

/** The English catalog is the reference: its keys, shapes and placeholders are what every locale translates. */
type EnglishCatalog = typeof en;
export type MessageKey = keyof EnglishCatalog;

/** A whole catalog, as the verifier serves it for a locale. */
export type Catalog = { readonly [Key in MessageKey]: Message };

/** Some of a catalog's messages (a brand's overrides); the others come from English. */
export type Messages = Partial<Catalog>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces each `{name}` with `replace(name)`. */
export function fillPlaceholders(text: string, replace: (name: string, placeholder: string) => string): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) => replace(name, placeholder));
}

/** The placeholder names a message uses, over all its plural variants, without repeats. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string)))];
}

type Placeholders<Text> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type PlaceholdersOfMessage<M> = Placeholders<M extends string ? M : M[keyof M]>;

/** A type no value has, whose name shows in the compiler's error. */
interface Problem<Description extends string> {
  readonly problem: Description;
}

type OnlyPlaceholders<Text, Allowed> = [Exclude<Placeholders<Text>, Allowed>] extends [never]
  ? unknown
  : Problem<`placeholder {${Exclude<Placeholders<Text>, Allowed> & string}} is not in the English message`>;

/** What a translation `T` of the English message `M` must also be: the same shape, only M's placeholders. */
type TranslationOf<M, T> = M extends string
  ? T extends string
    ? OnlyPlaceholders<T, PlaceholdersOfMessage<M>>
    : Problem<'text, as in English'>
  : T extends PluralMessage
    ? {
        [Category in keyof T]: Category extends Intl.LDMLPluralRule
          ? OnlyPlaceholders<T[Category], PlaceholdersOfMessage<M>>
          : Problem<`${Category & string} is not a plural category`>;
      }
    : Problem<'counted text { one, other, … }, as in English'>;

type CheckedCatalog<C> = {
  [Key in MessageKey]: Key extends keyof C ? TranslationOf<EnglishCatalog[Key], C[Key]> : Message;
} & { [Key in Exclude<keyof C, MessageKey>]: Problem<`${Key & string} is not a key of the English catalog`> };

/**
 * Declares a locale's catalog. It returns its argument; its point is the type check: exactly the English keys,
 * the English shape (text or counted text) for each, and no placeholder the English message does not have.
 */
export function translation<const C extends Messages>(catalog: C & CheckedCatalog<C>): C {
  return catalog;
}
