/** Birth year and administrative sex: the only demographics the models may use. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { hasExactKeys, isIntInRange } from '../value-checks.js';
import { jsonValue } from '../value-type.js';

const BIRTH_YEARS = { min: 1900, max: 2100 };
const SEXES: readonly unknown[] = ['female', 'male', 'other', 'unknown'];
const KEYS = ['birthYear', 'sex'];

export const demographics = defineFeatureView({
  name: 'demographics',
  entity: patient,
  version: 1,
  owner: 'data-platform',
  description: 'Birth year (never the full date of birth) and administrative sex.',
  maxStalenessMs: days(30),
  value: jsonValue(
    z.strictObject({
      birthYear: z.number().int().min(BIRTH_YEARS.min).max(BIRTH_YEARS.max),
      sex: z.enum(['female', 'male', 'other', 'unknown']),
    }),
    {
      isCanonical: (v) =>
        hasExactKeys(v, KEYS) &&
        isIntInRange(v['birthYear'], BIRTH_YEARS) &&
        SEXES.includes(v['sex']),
    },
  ),
  producers: ['offline:features'],
});
