import { describe, expect, it } from 'vitest';
import { parseCodingsKey } from './code-map.js';

describe('coding keys', () => {
  it('parses the JSON list DuckDB writes, keeping nulls as nulls', () => {
    expect(
      parseCodingsKey('[{"system":"http://loinc.org","code":"8480-6"},{"system":null,"code":"x"}]'),
    ).toEqual([
      { system: 'http://loinc.org', code: '8480-6' },
      { system: null, code: 'x' },
    ]);
  });

  it('resolves anything else to no codings', () => {
    expect(parseCodingsKey('not json')).toEqual([]);
    expect(parseCodingsKey('{"system":"x"}')).toEqual([]);
    expect(parseCodingsKey('[1, null, {"code": 5}]')).toEqual([{ system: null, code: null }]);
  });
});
