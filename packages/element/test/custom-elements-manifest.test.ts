// @vitest-environment happy-dom
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConverter } from 'lit';
import type { PropertyDeclaration } from 'lit';
import { beforeAll, describe, expect, it } from 'vitest';
import { STEPS } from '../src/controllers/verification-flow.js';
import { OTP_EVENT_NAMES } from '../src/events.js';
import { OtpVerify } from '../src/index.js';
import { TOKEN_DOCS } from '../src/theme/token-docs.js';
import { TOKEN_DEFAULTS } from '../src/theme/tokens.js';
import type { TokenName } from '../src/theme/tokens.js';

interface Named {
  name: string;
  type?: { text: string };
}
interface ManifestAttribute extends Named {
  fieldName?: string;
}
interface ManifestElement {
  name: string;
  tagName?: string;
  attributes?: ManifestAttribute[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: { name: string; default?: string; description?: string }[];
  cssStates?: Named[];
}
interface Manifest {
  modules: { declarations?: (ManifestElement & { customElement?: boolean })[] }[];
}
type AnalyzerCli = (options: { argv: string[]; cwd: string; noWrite: boolean }) => Promise<Manifest>;

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// The analyzer ships no types for its CLI module; a non-literal specifier keeps tsc from asking for them.
const analyzerCli = '@custom-elements-manifest/analyzer/cli.js';

/** The manifest exactly as `pnpm build` writes it (same config file), generated from the current source. */
async function generateManifest(): Promise<Manifest> {
  const { cli } = (await import(analyzerCli)) as { cli: AnalyzerCli };
  return cli({ argv: ['analyze', '--quiet'], cwd: packageDir, noWrite: true });
}

async function elementSource(): Promise<string> {
  const srcDir = join(packageDir, 'src');
  const files = (await readdir(srcDir, { recursive: true })).filter((file) => file.endsWith('.ts'));
  return (await Promise.all(files.map((file) => readFile(join(srcDir, file), 'utf8')))).join('\n');
}

const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name).sort();
const unique = (values: Iterable<string>) => [...new Set(values)].sort();

/** A value to set the attribute to, and what the property then holds, for a type named in the manifest. */
function sampleFor(type: string): { attribute: string; property: unknown } {
  if (type.includes('boolean')) return { attribute: '', property: true };
  if (type.includes('number')) return { attribute: '129900', property: 129900 };
  return { attribute: 'A-1001', property: 'A-1001' };
}

// happy-dom has no ElementInternals, so the element cannot be constructed here: these two read the same
// declarations Lit uses to map an attribute to its property.
function attributeNameOf(property: string, declaration: PropertyDeclaration): string | undefined {
  if (declaration.attribute === false) return undefined;
  return typeof declaration.attribute === 'string' ? declaration.attribute : property.toLowerCase();
}

function propertyFromAttribute(value: string, declaration: PropertyDeclaration): unknown {
  const { converter, type } = declaration;
  const fromAttribute =
    typeof converter === 'function' ? converter : (converter?.fromAttribute ?? defaultConverter.fromAttribute);
  return fromAttribute?.(value, type);
}

describe('custom-elements.json', () => {
  let element: ManifestElement;
  let source: string;

  beforeAll(async () => {
    const manifest = await generateManifest();
    const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);
    expect(elements).toHaveLength(1);
    element = elements[0] as ManifestElement;
    source = await elementSource();
  });

  it('names the tag the script registers, for the class it registers', () => {
    expect(element.tagName).toBe('otp-verify');
    expect(customElements.get('otp-verify')).toBe(OtpVerify);
    expect(element.name).toBe(OtpVerify.name);
  });

  it('lists exactly the attributes the element observes', () => {
    expect(names(element.attributes)).toEqual([...OtpVerify.observedAttributes].sort());
  });

  it('gives each attribute the property it sets and that property’s type', () => {
    for (const attribute of element.attributes ?? []) {
      const declaration = OtpVerify.elementProperties.get(attribute.fieldName ?? '');
      if (!declaration) throw new Error(`${attribute.name}: ${attribute.fieldName} is no property of the element`);
      expect(attributeNameOf(attribute.fieldName ?? '', declaration)).toBe(attribute.name);
      const sample = sampleFor(attribute.type?.text ?? '');
      expect(propertyFromAttribute(sample.attribute, declaration), attribute.name).toEqual(sample.property);
    }
  });

  it('lists exactly the events the element can dispatch, each with its detail type', () => {
    expect(names(element.events)).toEqual([...OTP_EVENT_NAMES].sort());
    for (const event of element.events ?? []) expect(event.type?.text, event.name).toMatch(/^CustomEvent<\w+>$/);
  });

  it('lists exactly the custom states the element sets: its steps, busy and invalid', () => {
    expect(names(element.cssStates)).toEqual(unique([...STEPS, 'busy', 'invalid']));
  });

  it('lists exactly the CSS parts the templates expose', () => {
    const parts = [...source.matchAll(/\bpart="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(/\s+/));
    expect(names(element.cssParts)).toEqual(unique(parts));
  });

  // theme-tokens-in-styles.test.ts checks that the styles read exactly these tokens.
  it('lists exactly the theme tokens as CSS custom properties, with their defaults and descriptions', () => {
    const tokens = Object.keys(TOKEN_DEFAULTS) as TokenName[];
    expect(element.cssProperties).toEqual(
      tokens.map((name) => ({ name, default: TOKEN_DEFAULTS[name], description: TOKEN_DOCS[name].description })),
    );
  });
});
