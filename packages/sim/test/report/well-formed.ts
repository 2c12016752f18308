/** A character-data or attribute value with a bare `&`, `<` or `>` is not well formed. */
const BAD_TEXT = /[<>]|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /([\w:.-]+)="([^"]*)"/g;

/** One parsed element: its name and attributes, with entities still escaped. */
export interface ParsedElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/**
 * A tiny checker for the XML our charts write (no comments, CDATA or DOCTYPE): every tag
 * is balanced, there is one root, attributes are quoted and unique, and text and attribute
 * values escape their entities. Throws on the first fault; returns the elements in
 * document order.
 */
export function parseXml(xml: string): ParsedElement[] {
  const body = xml.replace(/^<\?xml [^?]*\?>/, '').trim();
  const stack: string[] = [];
  const elements: ParsedElement[] = [];
  let roots = 0;
  let at = 0;
  while (at < body.length) {
    const lt = body.indexOf('<', at);
    const text = body.slice(at, lt === -1 ? body.length : lt);
    if (BAD_TEXT.test(text)) throw new Error(`bad character data at ${at}: ${text}`);
    if (text.trim() !== '' && stack.length === 0) throw new Error(`text outside the root`);
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const match = TAG.exec(body);
    if (match === null) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [whole, closing, name = '', attrs = '', selfClosing] = match;
    if (closing === '/') {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}> at ${lt}`);
    } else {
      if (stack.length === 0) roots++;
      const attributes = new Map<string, string>();
      for (const [, key = '', value = ''] of attrs.matchAll(ATTRIBUTE)) {
        if (attributes.has(key)) throw new Error(`duplicate attribute ${key} on <${name}>`);
        if (BAD_TEXT.test(value)) throw new Error(`bad attribute ${key}="${value}"`);
        attributes.set(key, value);
      }
      elements.push({ name, attributes });
      if (selfClosing !== '/') stack.push(name);
    }
    at = lt + whole.length;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  return elements;
}
