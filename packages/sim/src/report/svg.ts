import { escapeXml } from './xml.js';

/** Attribute values of an element; undefined leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** A coordinate or length written with at most one decimal, enough at screen resolution. */
export function coord(value: number): string {
  return String(Math.round(value * 10) / 10 + 0);
}

/**
 * One SVG element as text: attribute values are escaped (numbers are written with
 * {@link coord}), `children` is markup inserted as is, and no children makes the element
 * self-closing.
 */
export function element(name: string, attributes: Attributes, children?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(
      ([key, value]) => ` ${key}="${typeof value === 'number' ? coord(value) : escapeXml(value)}"`,
    )
    .join('');
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

/** A text element holding `content`, escaped. */
export function textElement(attributes: Attributes, content: string): string {
  return element('text', attributes, escapeXml(content));
}
