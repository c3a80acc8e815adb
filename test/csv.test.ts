// The CSV module (service/csv.ts): cells a spreadsheet would run as formulas are neutralised,
// however the formula is disguised; quoting; the BOM; and the export lines of records.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, exportLines, UTF8_BOM } from '../src/main/service/csv';
import type { RecordRow } from '../src/shared/contract';

describe('csv', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\r=x', `"'\r=x"`],
    ['\u0000=x', "'\u0000=x"],
    ['  =HYPERLINK("x")', `"'  =HYPERLINK(""x"")"`],
    ['\u00a0=1', "'\u00a0=1"],
    ['\ufeff=1', "'\ufeff=1"],
    ['\u200b=1', "'\u200b=1"],
    ['\u200b\u200d\u2060+1', "'\u200b\u200d\u2060+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['\n=1', `"'\n=1"`],
    // other invisible characters a spreadsheet may skip, and the small forms of = + - @
    ['\u200e=1', "'\u200e=1"],
    ['\u202e\u2066=1', "'\u202e\u2066=1"],
    ['\u00ad+1', "'\u00ad+1"],
    ['\u3000=1', "'\u3000=1"],
    ['\u2002\u205f@x', "'\u2002\u205f@x"],
    ['\ufe66x', "'\ufe66x"],
    ['\ufe62x', "'\ufe62x"],
    ['\ufe63x', "'\ufe63x"],
    ['\ufe6bx', "'\ufe6bx"],
  ])('neutralises %j', (input, want) => {
    expect(csvCell(input)).toBe(want);
  });

  it.each([
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['e-mail', 'e-mail'],
    ['Hälsningar från Åre 🥺', 'Hälsningar från Åre 🥺'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('keeps %j as text', (input, want) => {
    expect(csvCell(input)).toBe(want);
  });

  it('writes numbers, booleans and missing values as they are', () => {
    expect(csvLine([-5, 3.5, true, null, undefined, ''])).toBe('-5,3.5,true,,,');
  });

  it('exports records with the BOM first and every field any row has as a column', () => {
    const rows: RecordRow[] = [
      { id: 1, at: Date.UTC(2024, 0, 1), fields: { a: 'x' }, firstSnapshot: 1, lastSnapshot: 1 },
      { id: 2, at: null, fields: { b: '=cmd' }, firstSnapshot: 1, lastSnapshot: 1 },
    ];
    expect([...exportLines(() => rows, 'csv')]).toEqual([UTF8_BOM + 'at,a,b', '2024-01-01T00:00:00Z,x,', ",,'=cmd"]);
    expect(JSON.parse([...exportLines(() => rows, 'json')].join('\n'))).toEqual([
      { at: '2024-01-01T00:00:00Z', a: 'x' },
      { at: null, b: '=cmd' },
    ]);
    expect([...exportLines(() => [], 'json')]).toEqual(['[]']);
  });
});
