/**
 * checkout-guard runs on brands' checkout servers without zod: it takes only types from @otp-verify/protocol
 * (whose entry point loads zod) and only types from Express (an optional peer dependency). Its own copies of
 * the contract's constants equal the protocol's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as protocol from '@otp-verify/protocol';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  ORDER_TOKEN_ALGORITHMS,
  ORDER_TOKEN_MAX_LIFETIME_SECONDS,
  ORDER_TOKEN_TYPE,
  problemTypeFor,
} from '../src/contract.js';
import { ORDER_TOKEN_ERROR_STATUS, type OrderTokenErrorCode } from '../src/index.js';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

/** Module specifiers imported or re-exported by a file as values (not `import type` / `export type`). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) found.push(statement.moduleSpecifier.text);
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const typeOnly =
        statement.isTypeOnly ||
        (statement.exportClause !== undefined &&
          ts.isNamedExports(statement.exportClause) &&
          statement.exportClause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) found.push(statement.moduleSpecifier.text);
    }
  }
  return found;
}

describe('runtime dependencies', () => {
  const files = readdirSync(srcDir).filter((name) => name.endsWith('.ts'));

  it('imports nothing from @otp-verify/protocol, zod or express at run time', () => {
    expect(files.length).toBeGreaterThan(5);
    const offending = files.flatMap((name) =>
      valueImports(`${srcDir}${name}`)
        .filter((specifier) => /^(@otp-verify\/protocol|zod|express)(\/|$)/.test(specifier))
        .map((specifier) => `${name}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('loads at run time only jose and its own modules', () => {
    const external = new Set(
      files.flatMap((name) => valueImports(`${srcDir}${name}`).filter((specifier) => !specifier.startsWith('.'))),
    );
    expect([...external]).toEqual(['jose']);
  });

  it('uses the protocol\u2019s token type, algorithms and lifetime', () => {
    expect(ORDER_TOKEN_TYPE).toBe(protocol.ORDER_TOKEN_TYPE);
    expect(ORDER_TOKEN_ALGORITHMS).toEqual(protocol.ORDER_TOKEN_ALGORITHMS);
    expect(ORDER_TOKEN_MAX_LIFETIME_SECONDS).toBe(protocol.ORDER_TOKEN_MAX_LIFETIME_SECONDS);
  });

  it('answers the protocol\u2019s status and problem type for every code the verifier also uses', () => {
    const shared = (Object.keys(ORDER_TOKEN_ERROR_STATUS) as OrderTokenErrorCode[]).filter(
      (code): code is OrderTokenErrorCode & protocol.ErrorCode => code in protocol.ERROR_STATUS,
    );
    expect(shared).toEqual(['invalid_token', 'order_mismatch', 'already_redeemed']);
    for (const code of shared) {
      expect(ORDER_TOKEN_ERROR_STATUS[code]).toBe(protocol.ERROR_STATUS[code]);
      expect(problemTypeFor(code)).toBe(protocol.problemType(code));
    }
  });
});
