import { describe, expect, it } from 'vitest';
import { parseXml } from './well-formed.js';

describe('the test XML checker', () => {
  it('accepts a well-formed document', () => {
    const elements = parseXml(
      '<?xml version="1.0"?>\n<svg a="1"><g><text>x &amp; y</text></g><br/></svg>',
    );
    expect(elements.map((e) => e.name)).toEqual(['svg', 'g', 'text', 'br']);
  });

  it.each([
    ['<svg><g></svg>', /unbalanced/],
    ['<svg><g>', /unclosed/],
    ['<svg>a & b</svg>', /bad character data/],
    ['<svg a="<"/>', /bad attribute/],
    ['<svg a="1" a="2"/>', /duplicate attribute/],
    ['<svg/><svg/>', /2 root elements/],
    ['<svg a=1/>', /malformed tag/],
  ])('rejects %s', (xml, error) => {
    expect(() => parseXml(xml)).toThrow(error);
  });
});
