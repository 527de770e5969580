import { describe, expect, it } from 'vitest';
import { nameBasedUuid } from './name-based-uuid.js';

describe('nameBasedUuid', () => {
  it('matches RFC 9562 version 5 (the DNS namespace example, as Python computes it)', () => {
    expect(nameBasedUuid('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('gives the same id for the same name in the CDS feedback namespace, another for another name', () => {
    const name = 'card|accepted|interaction|x|2026-11-22T10:00:00Z';
    expect(nameBasedUuid(name)).toBe('193bd6e5-04ca-52d6-8537-893be1997bbd');
    expect(nameBasedUuid(`${name}!`)).not.toBe(nameBasedUuid(name));
  });
});
