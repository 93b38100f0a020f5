import type { core } from 'zod';

/** A configuration problem that stops the verifier: the message names the file, the field and the problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function describeIssues(issues: readonly core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? formatPath(issue.path) : '(root)'}: ${issue.message}`)
    .join('; ');
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
