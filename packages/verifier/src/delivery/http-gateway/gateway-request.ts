import type { ProviderMessage } from '../provider.js';
import type { HttpGatewayConfig, JsonTemplate } from './config-schema.js';
import type { PlaceholderValues } from './placeholders.js';
import { fillTemplate } from './placeholders.js';

export interface GatewayRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The request for one message. Values go into the parsed template and are then serialised (JSON.stringify,
 * URLSearchParams), so a text with quotes, newlines or `&` stays inside its own string or field.
 */
export function gatewayRequest(
  config: HttpGatewayConfig,
  authHeaders: Record<string, string>,
  message: ProviderMessage,
): GatewayRequest {
  const values: PlaceholderValues = {
    to: message.to,
    text: message.body,
    sender: message.sender,
    idempotencyKey: message.idempotencyKey,
    sessionId: message.sessionId,
  };
  const headers: Record<string, string> = { accept: 'application/json', ...lowerCased(config.headers), ...authHeaders };
  if (config.idempotencyKeyHeader !== undefined) {
    headers[config.idempotencyKeyHeader.toLowerCase()] = message.idempotencyKey;
  }
  if (config.form !== undefined) {
    const fields = formFields(config.form, values);
    if (config.method === 'GET') return { method: 'GET', url: withQuery(config.url, fields), headers };
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return { method: 'POST', url: config.url, headers, body: fields.toString() };
  }
  headers['content-type'] = 'application/json';
  return { method: 'POST', url: config.url, headers, body: JSON.stringify(filledJson(config.json ?? null, values)) };
}

function formFields(form: Record<string, string>, values: PlaceholderValues): URLSearchParams {
  const fields = new URLSearchParams();
  for (const [name, template] of Object.entries(form)) {
    const value = fillTemplate(template, values);
    if (value !== undefined) fields.append(name, value);
  }
  return fields;
}

function withQuery(base: string, fields: URLSearchParams): string {
  const url = new URL(base);
  for (const [name, value] of fields) url.searchParams.append(name, value);
  return url.toString();
}

/** The JSON template with its strings filled; a member that is a lone placeholder without a value is left out. */
function filledJson(template: JsonTemplate, values: PlaceholderValues): JsonTemplate | undefined {
  if (typeof template === 'string') return fillTemplate(template, values);
  if (Array.isArray(template)) return template.map((item) => filledJson(item, values) ?? null);
  if (template === null || typeof template !== 'object') return template;
  const members = Object.entries(template).map(([key, member]) => [key, filledJson(member, values)] as const);
  return Object.fromEntries(members.filter((member): member is [string, JsonTemplate] => member[1] !== undefined));
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
