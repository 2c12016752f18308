/**
 * Compares two strings by Unicode code point, the order of their UTF-8 bytes: what
 * SQLite's BINARY collation and PostgreSQL's "C" collation give, so `list` orders keys
 * the same way in every store. (Plain `<` compares UTF-16 code units, which differs for
 * characters beyond the Basic Multilingual Plane.)
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      return codePointRank(x) - codePointRank(y);
    }
  }
  return a.length - b.length;
}

/** Lifts surrogates (0xD800–0xDFFF) above every other code unit, as their code points are. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}
