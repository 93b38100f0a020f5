import { clampRgb, converter, parse, type Color, type Rgb } from 'culori';
import valueParser, { type FunctionNode, type Node } from 'postcss-value-parser';
import { isMixSpace, mixColours } from './colour-mix.js';

export type Scheme = 'light' | 'dark';

/** Every custom property in scope where a colour is painted: name to declared value. */
export type Variables = ReadonlyMap<string, string>;

export type Resolution = { colour: Rgb } | { error: string };

class Unresolvable extends Error {}

const toRgb = converter('rgb');

/**
 * The colour a custom property paints in a colour scheme, as a browser would compute it: `var()` chains and
 * fallbacks, `light-dark()` by scheme, `color-mix()` in srgb, oklab or oklch, and every colour syntax culori
 * reads (hex, rgb(), hsl(), named colours…). Whatever it cannot compute is an error, never a guess.
 */
export function resolveVariable(name: string, variables: Variables, scheme: Scheme): Resolution {
  try {
    const colour = toRgb(readVariable(name, null, { variables, scheme }));
    return { colour: clampRgb(colour) };
  } catch (error) {
    if (error instanceof Unresolvable) return { error: error.message };
    throw error;
  }
}

interface Context {
  variables: Variables;
  scheme: Scheme;
}

/**
 * Why a custom property is invalid at computed-value time, as if it were not set: it is not set, a var() in it
 * refers (without a usable fallback) to one that is invalid, or it is part of a cycle. Undefined when its var()s
 * substitute. Whether the result is a colour is another question: that is decided where the colour is painted.
 */
export function substitutionProblem(
  name: string,
  variables: Variables,
  trail: readonly string[] = [],
): string | undefined {
  if (trail.includes(name)) return `${[...trail, name].join(' → ')} refer to each other`;
  const value = variables.get(name);
  if (value === undefined) return `${name} is not set`;
  return nodesProblem(valueParser(value).nodes, variables, [...trail, name]);
}

function nodesProblem(nodes: readonly Node[], variables: Variables, trail: readonly string[]): string | undefined {
  for (const node of nodes) {
    if (node.type !== 'function') continue;
    let problem: string | undefined;
    if (node.value.toLowerCase() === 'var') {
      const { name, fallback } = varArguments(node);
      problem = substitutionProblem(name, variables, trail);
      if (problem !== undefined && fallback !== null) problem = nodesProblem(fallback, variables, trail);
    } else problem = nodesProblem(node.nodes, variables, trail);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** A var()'s name, and its fallback (null when it has none; an empty fallback is a value). */
function varArguments(node: FunctionNode): { name: string; fallback: Node[] | null } {
  const commaAt = node.nodes.findIndex((child) => child.type === 'div' && child.value === ',');
  const nameNodes = commaAt === -1 ? node.nodes : node.nodes.slice(0, commaAt);
  return {
    name: valueParser.stringify(nameNodes).trim(),
    fallback: commaAt === -1 ? null : node.nodes.slice(commaAt + 1),
  };
}

/** A variable's colour; its var() fallback when the variable is invalid at computed-value time. */
function readVariable(name: string, fallback: Node[] | null, context: Context): Color {
  const problem = substitutionProblem(name, context.variables);
  if (problem === undefined) return readValue(context.variables.get(name) ?? '', context);
  if (fallback === null) throw new Unresolvable(problem);
  return readNodes(fallback, valueParser.stringify(fallback), context);
}

function readValue(value: string, context: Context): Color {
  return readNodes(valueParser(value).nodes, value, context);
}

function readNodes(nodes: readonly Node[], text: string, context: Context): Color {
  const meaningful = nodes.filter((node) => node.type !== 'space' && node.type !== 'comment');
  const [node] = meaningful;
  if (meaningful.length !== 1 || !node) throw new Unresolvable(`"${text.trim()}" is not a colour`);
  if (node.type === 'function') return readFunction(node, context);
  if (node.type === 'word') return readColourText(node.value);
  throw new Unresolvable(`"${text.trim()}" is not a colour`);
}

function readFunction(node: FunctionNode, context: Context): Color {
  const name = node.value.toLowerCase();
  if (name === 'var') return readVar(node, context);
  if (name === 'light-dark') {
    const [light, dark, ...rest] = splitArguments(node);
    if (!light || !dark || rest.length > 0)
      throw new Unresolvable(`"${valueParser.stringify(node)}" needs two colours`);
    return readNodes(context.scheme === 'light' ? light : dark, valueParser.stringify(node), context);
  }
  if (name === 'color-mix') return readColourMix(node, context);
  const text = valueParser.stringify(node);
  if (/\b(var|light-dark|color-mix)\(/i.test(node.nodes.map((child) => valueParser.stringify(child)).join(''))) {
    throw new Unresolvable(`"${text}": var(), light-dark() and color-mix() inside ${node.value}() are not supported`);
  }
  return readColourText(text);
}

function readVar(node: FunctionNode, context: Context): Color {
  const { name, fallback } = varArguments(node);
  return readVariable(name, fallback, context);
}

const PERCENTAGE = /^(\d*\.?\d+)%$/;

/** `color-mix(in <space>, <colour> [<p>%], <colour> [<p>%])`, with CSS Color 5's percentage rules. */
function readColourMix(node: FunctionNode, context: Context): Color {
  const text = valueParser.stringify(node);
  const [method, ...colours] = splitArguments(node);
  const [keyword, space, ...hueMethod] = (method ?? []).filter((child) => child.type === 'word').map((w) => w.value);
  if (
    keyword !== 'in' ||
    !space ||
    !isMixSpace(space) ||
    hueMethod.some((word) => word !== 'shorter' && word !== 'hue')
  ) {
    throw new Unresolvable(`"${text}": only color-mix() in srgb, oklab or oklch (shorter hue) is supported`);
  }
  const [first, second, ...rest] = colours.map((argument) => readMixArgument(argument, text, context));
  if (!first || !second || rest.length > 0) throw new Unresolvable(`"${text}" needs two colours`);
  const firstShare = first.percentage ?? (second.percentage === undefined ? 50 : 100 - second.percentage);
  const secondShare = second.percentage ?? 100 - firstShare;
  const total = firstShare + secondShare;
  if (total <= 0) throw new Unresolvable(`"${text}": the percentages add up to 0`);
  const mixed = mixColours(space, first.colour, second.colour, secondShare / total);
  // Percentages adding up to less than 100% make the mix that much transparent.
  return total < 100 ? { ...mixed, alpha: (mixed.alpha ?? 1) * (total / 100) } : mixed;
}

function readMixArgument(nodes: readonly Node[], text: string, context: Context) {
  const meaningful = nodes.filter((child) => child.type !== 'space' && child.type !== 'comment');
  const percentAt = meaningful.findIndex((child) => child.type === 'word' && PERCENTAGE.test(child.value));
  const percentage = percentAt === -1 ? undefined : parseFloat(meaningful[percentAt]?.value ?? '');
  if (percentage !== undefined && percentage > 100) throw new Unresolvable(`"${text}": a percentage above 100%`);
  const colourNodes = meaningful.filter((_, index) => index !== percentAt);
  return { colour: readNodes(colourNodes, text, context), percentage };
}

/** A function's arguments, split at its top-level commas. */
function splitArguments(node: FunctionNode): Node[][] {
  const groups: Node[][] = [];
  let group: Node[] = [];
  for (const child of node.nodes) {
    if (child.type === 'div' && child.value === ',') {
      groups.push(group);
      group = [];
    } else group.push(child);
  }
  return [...groups, group];
}

function readColourText(text: string): Color {
  if (text.toLowerCase() === 'currentcolor') {
    throw new Unresolvable('currentColor depends on where the token is used: set a colour');
  }
  const colour = parse(text);
  if (!colour) throw new Unresolvable(`"${text}" is not a colour`);
  return colour;
}
