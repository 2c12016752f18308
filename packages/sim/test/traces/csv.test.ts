import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/traces/csv.js';
import { csvRows } from '../../src/traces/table.js';
import { traceErrorOf } from './helpers.js';

const names = ['a', 'b', 'c'];
const records = (text: string): [number, readonly string[]][] =>
  [...csvRecords(text, 'f.csv', (i) => names[i] ?? `column ${i + 1}`)].map((r) => [
    r.line,
    r.fields,
  ]);

describe('CSV records', () => {
  it.each<[string, string, [number, string[]][]]>([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        [1, ['a', 'b', 'c']],
        [2, ['1', '2', '3']],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'empty fields',
      ',,\n1,,\n',
      [
        [1, ['', '', '']],
        [2, ['1', '', '']],
      ],
    ],
    [
      'blank lines skipped',
      '\na,b\n\r\n\n1,2\n\n',
      [
        [2, ['a', 'b']],
        [5, ['1', '2']],
      ],
    ],
    ['byte-order mark', '\uFEFFa,b\n', [[1, ['a', 'b']]]],
    ['quoted fields', '"a","b,c"\n', [[1, ['a', 'b,c']]]],
    ['doubled quotes', '"say ""hi""",x\n', [[1, ['say "hi"', 'x']]]],
    ['empty quoted field', '"",x,""\n', [[1, ['', 'x', '']]]],
    [
      'quoted field at the end, CRLF',
      'x,"y"\r\nz,w\r\n',
      [
        [1, ['x', 'y']],
        [2, ['z', 'w']],
      ],
    ],
    ['quoted field at the end of the text', 'x,"y"', [[1, ['x', 'y']]]],
    ['unquoted field after a quoted one, CRLF', '"x",y\r\n', [[1, ['x', 'y']]]],
    [
      'line break inside quotes counts lines',
      'a,"multi\nline\r\ntext",c\nnext,1,2\n',
      [
        [1, ['a', 'multi\nline\r\ntext', 'c']],
        [4, ['next', '1', '2']],
      ],
    ],
    [
      'a quoted record then plain ones',
      '"q",1\np,2\n',
      [
        [1, ['q', '1']],
        [2, ['p', '2']],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(records(text)).toEqual(expected);
  });

  it.each([
    [
      'a quote inside an unquoted field',
      'x,y"z\n',
      'f.csv:1: b: a quote inside an unquoted field (quote the whole field and double it)',
    ],
    ['text after a closing quote', '"x"y,z\n', 'f.csv:1: a: text after a closing quote'],
    ['an unterminated quote', 'ok\nx,y,"z\n1,2\n', 'f.csv:2: c: unterminated quoted field'],
    ['an unnamed column', '1,2,3,"4"x\n', 'f.csv:1: column 4: text after a closing quote'],
  ])('refuses %s', (_name, text, message) => {
    expect(traceErrorOf(() => records(text))).toBe(message);
  });
});

describe('CSV rows', () => {
  const rows = (text: string): unknown[] =>
    [...csvRows<'n' | 's' | 'opt'>(text, 't.csv', { required: ['n', 's'], optional: ['opt'] })].map(
      (row) => [row.line, row.int('n', 0, 10), row.seconds('s'), row.text('opt')],
    );

  it('reads columns by name, in any order, ignoring unknown ones', () => {
    expect(rows('extra,s,n\nx,1.5,3\ny,0.0004,10\n')).toEqual([
      [2, 3, 1500, ''],
      [3, 10, 0, ''],
    ]);
  });

  it.each([
    ['a missing column', 's,opt\n1,2\n', 't.csv:1: n: missing column (the header is s,opt)'],
    ['an empty file', '', 't.csv:1: n: missing column: the file is empty'],
    ['a column listed twice', 'n,s,n\n', 't.csv:1: n: column listed twice'],
    ['a short row', 'n,s,opt\n1,2\n', 't.csv:2: opt: missing: the row has 2 fields, the header 3'],
    [
      'a long row',
      'n,s\n1,2,3\n',
      't.csv:2: column 3: unexpected field: the row has 3 fields, the header 2',
    ],
    ['a non-integer', 'n,s\n1.0,2\n', 't.csv:2: n: must be an integer from 0 to 10, got "1.0"'],
    [
      'an integer out of range',
      'n,s\n11,2\n',
      't.csv:2: n: must be an integer from 0 to 10, got "11"',
    ],
    [
      'a negative time',
      'n,s\n1,-2\n',
      't.csv:2: s: must be a non-negative number of seconds, got "-2"',
    ],
    [
      'a time in exponent form',
      'n,s\n1,1e3\n',
      't.csv:2: s: must be a non-negative number of seconds, got "1e3"',
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(traceErrorOf(() => rows(text))).toBe(message);
  });
});
