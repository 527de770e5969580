import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from '@mediassist/shared/errors';
import { days } from './duration.js';
import { patient } from './entity.js';
import { defineFeatureView, type FeatureViewDefinition } from './feature-view.js';
import { float32Vector, jsonValue } from './value-type.js';

const base: FeatureViewDefinition<'example_view', { n: number }> = {
  name: 'example_view',
  entity: patient,
  version: 1,
  owner: 'team',
  description: 'example',
  maxStalenessMs: days(1),
  value: jsonValue(z.strictObject({ n: z.number() })),
  producers: ['test'],
};

describe('defineFeatureView', () => {
  it('returns the definition as a frozen value', () => {
    const view = defineFeatureView(base);
    expect(view).toEqual(base);
    expect(Object.isFrozen(view)).toBe(true);
  });

  it.each([
    ['a name with a hyphen', { name: 'bad-name' }],
    ['a name with a colon (it would break hash field names)', { name: 'bad:name' }],
    ['version 0', { version: 0 }],
    ['a fractional version', { version: 1.5 }],
    ['no staleness limit', { maxStalenessMs: 0 }],
    ['a zero-length vector', { value: float32Vector({ dimension: 0 }) }],
  ])('rejects %s with CONFIG_INVALID', (_label, override) => {
    const attempt = () => defineFeatureView({ ...base, ...override } as typeof base);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('CONFIG_INVALID');
    }
  });
});
