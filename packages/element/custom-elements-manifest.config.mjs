// Read by `cem analyze` (the build writes dist/custom-elements.json) and by test/custom-elements-manifest.test.ts.
export default {
  globs: ['src/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest in its "customElements" field; the analyzer would rewrite the whole file.
  packagejson: false,
  plugins: [litStateIsNoAttribute(), themeTokensFromTheirSource()],
};

/**
 * Lit's `state: true` properties are internal and have no attribute, but the analyzer's Lit plugin lists them as
 * attributes: remove them from the attributes.
 */
function litStateIsNoAttribute() {
  return {
    name: 'lit-state-is-no-attribute',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((declaration) => declaration.name === node.name.text);
      const stateNames = new Set(statePropertyNames(ts, node));
      if (!classDoc || stateNames.size === 0) return;
      classDoc.attributes = classDoc.attributes?.filter((attribute) => !stateNames.has(attribute.fieldName));
      for (const member of classDoc.members ?? []) if (stateNames.has(member.name)) delete member.attribute;
    },
  };
}

/** The keys of `static properties = { key: { state: true } }`. */
function statePropertyNames(ts, classNode) {
  const declarations = classNode.members.find(
    (member) =>
      ts.isPropertyDeclaration(member) &&
      member.name.getText() === 'properties' &&
      member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
  )?.initializer;
  if (!declarations || !ts.isObjectLiteralExpression(declarations)) return [];
  return declarations.properties
    .filter(
      (property) =>
        ts.isPropertyAssignment(property) &&
        ts.isObjectLiteralExpression(property.initializer) &&
        property.initializer.properties.some(
          (option) =>
            ts.isPropertyAssignment(option) &&
            option.name.getText() === 'state' &&
            option.initializer.kind === ts.SyntaxKind.TrueKeyword,
        ),
    )
    .map((property) => property.name.getText());
}

/**
 * The element's CSS custom properties are the theme tokens: names and defaults from TOKEN_DEFAULTS
 * (src/theme/tokens.ts), descriptions from TOKEN_DOCS (src/theme/token-docs.ts), read from their source so the
 * manifest cannot drift from them.
 */
function themeTokensFromTheirSource() {
  const defaults = new Map();
  const descriptions = new Map();
  return {
    name: 'theme-tokens-from-their-source',
    analyzePhase({ ts, node }) {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !node.initializer) return;
      const literal = ts.isAsExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (!ts.isObjectLiteralExpression(literal)) return;
      if (node.name.text === 'TOKEN_DEFAULTS') {
        for (const [token, value] of stringProperties(ts, literal)) defaults.set(token, value);
      }
      if (node.name.text === 'TOKEN_DOCS') {
        for (const property of literal.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const doc = new Map(stringProperties(ts, property.initializer));
          descriptions.set(property.name.text, doc.get('description'));
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const element = customElementsManifest.modules
        .flatMap((module) => module.declarations ?? [])
        .find((declaration) => declaration.customElement);
      if (!element) return;
      element.cssProperties = [...defaults].map(([name, value]) => ({
        name,
        default: value,
        description: descriptions.get(name),
      }));
    },
  };
}

/** The `key: 'string'` entries of an object literal. */
function stringProperties(ts, literal) {
  return literal.properties
    .filter((property) => ts.isPropertyAssignment(property) && ts.isStringLiteralLike(property.initializer))
    .map((property) => [property.name.text, property.initializer.text]);
}
