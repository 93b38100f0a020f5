/**
 * The variables a message template may use: the brand's display name, the order's amount (Intl.NumberFormat in
 * the customer's locale), the code, and how long the code is valid, in the locale's words ("5 minutes",
 * "5 Minuten", "دقيقتان"), so each language gets its own plural forms.
 */
export const TEMPLATE_VARIABLES = ['brand', 'amount', 'code', 'minutes'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/** The names between braces in a template, in order, repeats included. */
export function variablesOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

/** The template with each `{variable}` replaced by its value; anything else in braces is left as it is. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) =>
    isTemplateVariable(name) ? values[name] : placeholder,
  );
}
