import { describe, expect, it } from 'vitest';
import { parseOptions, parsePipeTable, words } from './pipe-table.js';

describe('pipe tables', () => {
  it('splits rows into trimmed cells, skipping blanks and comments', () => {
    const rows = parsePipeTable('\n# heading\n a | b c | d \n', {
      name: 't',
      minCells: 3,
      maxCells: 4,
    });
    expect(rows).toEqual([['a', 'b c', 'd']]);
  });

  it('rejects rows with the wrong number of cells, naming the line', () => {
    expect(() => parsePipeTable('a | b', { name: 'drugs', minCells: 3, maxCells: 4 })).toThrow(
      /drugs line 0/,
    );
  });

  it('reads key=value options and space-separated words', () => {
    expect([...parseOptions('rx=lithium carbonate; brands=a,b')]).toEqual([
      ['rx', 'lithium carbonate'],
      ['brands', 'a,b'],
    ]);
    expect(() => parseOptions('oops')).toThrow(/without a key/);
    expect(words(' ssri  serotonergic ')).toEqual(['ssri', 'serotonergic']);
  });
});
