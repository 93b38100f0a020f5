/** The values a request template may use, as `{name}`. */
export const PLACEHOLDERS = ['to', 'text', 'sender', 'idempotencyKey', 'sessionId'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** A message's value of each placeholder; `sender` is absent when the brand has no sender id. */
export type PlaceholderValues = Record<Placeholder, string | undefined>;

const PLACEHOLDER_PATTERN = /\{([A-Za-z]+)\}/g;

/** The `{name}`s in a template that are not placeholders (a misspelt one would be sent as it is). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_PATTERN)]
    .map((match) => match[1] as string)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/**
 * The template with its placeholders replaced; undefined when it is a single placeholder without a value,
 * so the field is left out and the gateway uses its default (a sender id, typically).
 */
export function fillTemplate(template: string, values: PlaceholderValues): string | undefined {
  const whole = /^\{([A-Za-z]+)\}$/.exec(template)?.[1];
  if (whole !== undefined && values[whole as Placeholder] === undefined) return undefined;
  return template.replace(PLACEHOLDER_PATTERN, (match, name: string) =>
    Object.hasOwn(values, name) ? (values[name as Placeholder] ?? '') : match,
  );
}
