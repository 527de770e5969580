import { describe, expect, it } from 'vitest';
import { createBlendTables } from './blend-tables.js';
import { shippedKb } from './testing/assist-fixture.js';

const { kb } = shippedKb();

describe('createBlendTables', () => {
  const tables = createBlendTables(kb.conditions);

  it('ranks conditions in the string order of their ids', () => {
    const byRank = [...kb.conditions].sort(
      (a, b) =>
        (tables.idRank[kb.conditions.indexOf(a)] ?? 0) -
        (tables.idRank[kb.conditions.indexOf(b)] ?? 0),
    );
    const ids = byRank.map((c) => c.id);
    expect(ids).toEqual(kb.conditions.map((c) => c.id).sort());
    expect(new Set(tables.idRank).size).toBe(kb.conditions.length);
  });

  it('flags the can’t-miss conditions and finds positions by id', () => {
    expect([...tables.cantMiss]).toEqual(kb.conditions.map((c) => (c.cantMiss ? 1 : 0)));
    kb.conditions.forEach((c, i) => {
      expect(tables.position.get(c.id)).toBe(i);
    });
  });

  it('places a model’s classes once per class list, −1 for a class the KB lacks', () => {
    const classes = [kb.conditions[2]?.id ?? '', 'not-in-kb', kb.conditions[0]?.id ?? ''];
    const positions = tables.positionsOf(classes);
    expect([...positions]).toEqual([2, -1, 0]);
    expect(tables.positionsOf(classes)).toBe(positions);
  });
});
