import { SaxesParser, type SaxesTagNS } from 'saxes';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * Drawing elements only. An allowlist, not a blocklist: a logo is shown on checkout pages, and anything that
 * runs code (script, event handlers, SMIL `<set>`/`<animate>` rewriting an href), embeds HTML (foreignObject,
 * or HTML tags that break out of inline SVG), links away (`<a>`) or carries CSS (`<style>`, which a logo inlined
 * in a page applies to the whole page) has no place in it.
 */
// prettier-ignore
const DRAWING_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'image',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComposite', 'feDropShadow', 'feFlood', 'feGaussianBlur', 'feMerge',
  'feMergeNode', 'feOffset',
]);

/** A reference inside the file (`#id`) or an embedded raster image: nothing is fetched, nothing runs. */
const SAFE_REFERENCE = /^(#|data:image\/(png|jpeg|gif|webp);base64,)/i;
/** `url(…)` in a presentation attribute not pointing inside the file (`url(#gradient)` is fine). */
const EXTERNAL_URL = /url\(\s*(?!['"]?\s*#)/i;
/** Presentation attributes are CSS values too: an escape (`\75 rl(`) or an image function could still fetch. */
const CSS_LOADER = /\\|(image-set|image|src|cross-fade)\(/i;

/**
 * Why an SVG asset is unsafe to serve on a checkout page, one reason each; empty when it is a plain drawing.
 * The file is parsed as XML (as a browser does for image/svg+xml), never matched with patterns alone.
 */
export function checkSvg(svg: string, fileName: string): string[] {
  const problems: string[] = [];
  const refuse = (reason: string) => problems.push(`${fileName}: ${reason}`);
  const parser = new SaxesParser({ xmlns: true });
  let seenRoot = false;

  parser.on('doctype', () => refuse('a DOCTYPE is not allowed (entities can hide content or exhaust memory)'));
  parser.on('processinginstruction', ({ target }) => refuse(`the processing instruction <?${target}?> is not allowed`));
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (!seenRoot && tag.local !== 'svg') refuse(`the root element is <${tag.name}>, not <svg>`);
    seenRoot = true;
    refuseElement(tag, refuse);
    for (const attribute of Object.values(tag.attributes)) {
      const where = `${attribute.name}="${shorten(attribute.value)}" on <${tag.name}>`;
      if (/^on/i.test(attribute.local)) refuse(`event handler attribute ${where}`);
      // CSS is refused however it is written: escapes, comments and image-set() defeat any pattern.
      else if (attribute.local.toLowerCase() === 'style') refuse(`a style attribute ${where} is not allowed`);
      else if (attribute.local === 'href' && !SAFE_REFERENCE.test(attribute.value.trim())) {
        refuse(`external reference ${where} (only #fragments and embedded png, jpeg, gif or webp images)`);
      } else if (EXTERNAL_URL.test(attribute.value)) refuse(`external url() in ${where}`);
      else if (CSS_LOADER.test(attribute.value)) refuse(`a CSS escape or image function in ${where} is not allowed`);
    }
  });
  try {
    parser.write(svg).close();
  } catch (error) {
    refuse(`not well-formed XML: ${(error as Error).message}`);
  }
  return problems;
}

function refuseElement(tag: SaxesTagNS, refuse: (reason: string) => void): void {
  const name = tag.local.toLowerCase();
  if (name === 'script') refuse(`a <${tag.name}> element is not allowed`);
  else if (name === 'style') refuse(`<${tag.name}> is not allowed (a logo inlined in a page could restyle it)`);
  else if (name === 'foreignobject') refuse(`<${tag.name}> is not allowed (it embeds HTML)`);
  else if (tag.uri !== SVG_NAMESPACE) refuse(`<${tag.name}> is outside the SVG namespace`);
  else if (!DRAWING_ELEMENTS.has(tag.local)) refuse(`<${tag.name}> is not a drawing element`);
}

const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}...` : value);
