import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvProblem, type CsvRecord } from '../../src/catalog/csv.js';

describe('parseCsv', () => {
  it.each<[string, string, CsvRecord[]]>([
    [
      'plain fields',
      'a,b\n1,2\n',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    ],
    [
      'CRLF and no final newline',
      'a,b\r\n1,2',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
    ],
    ['a byte-order mark', '\ufeffa\n', [{ line: 1, fields: ['a'] }]],
    [
      'empty lines skipped, lines still counted',
      'a\n\n\r\nb\n',
      [
        { line: 1, fields: ['a'] },
        { line: 4, fields: ['b'] },
      ],
    ],
    ['empty fields', ',x,\n', [{ line: 1, fields: ['', 'x', ''] }]],
    ['a quoted comma', 'x,"V1,V2"\n', [{ line: 1, fields: ['x', 'V1,V2'] }]],
    ['a doubled quote', '"say ""hi""",b\n', [{ line: 1, fields: ['say "hi"', 'b'] }]],
    ['an empty quoted field', '"",b\n', [{ line: 1, fields: ['', 'b'] }]],
    [
      'a quoted line break, later lines counted',
      '"a\nb",c\r\nd\n',
      [
        { line: 1, fields: ['a\nb', 'c'] },
        { line: 3, fields: ['d'] },
      ],
    ],
  ])('%s', (_, text, records) => {
    expect(parseCsv(text)).toEqual({ records, problems: [] });
  });

  it.each<[string, string, CsvRecord[], CsvProblem[]]>([
    [
      'a quote inside an unquoted field, reading on at the next line',
      'a,b"c,d\ne,f\n',
      [{ line: 2, fields: ['e', 'f'] }],
      [
        {
          line: 1,
          field: 1,
          reason: 'a quote inside an unquoted field (quote the whole field and double it)',
        },
      ],
    ],
    [
      'text after a closing quote',
      'x\n"a"b,c\ny\n',
      [
        { line: 1, fields: ['x'] },
        { line: 3, fields: ['y'] },
      ],
      [{ line: 2, field: 0, reason: 'text after a closing quote' }],
    ],
    [
      'an unterminated quote',
      'x\ny,"open\nz\n',
      [{ line: 1, fields: ['x'] }],
      [{ line: 2, field: 1, reason: 'unterminated quoted field' }],
    ],
  ])('%s', (_, text, records, problems) => {
    expect(parseCsv(text)).toEqual({ records, problems });
  });
});
