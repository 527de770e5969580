import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields holding commas, escaped quotes and newlines', () => {
    const text = 'id,name\r\n20,"Tricyclic antidepressants\n(TCAs)"\n21,"a, ""b"""\n\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'name'],
      ['20', 'Tricyclic antidepressants\n(TCAs)'],
      ['21', 'a, "b"'],
    ]);
  });

  it('keys records by the header and trims cells', () => {
    expect(parseCsvRecords('a, b\n 1 ,2\n3')).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '' },
    ]);
    expect(parseCsvRecords('')).toEqual([]);
  });
});
