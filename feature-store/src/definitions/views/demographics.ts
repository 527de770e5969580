/** Birth year and administrative sex: the only demographics the models may use. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { jsonValue } from '../value-type.js';

export const demographics = defineFeatureView({
  name: 'demographics',
  entity: patient,
  version: 1,
  owner: 'data-platform',
  description: 'Birth year (never the full date of birth) and administrative sex.',
  maxStalenessMs: days(30),
  value: jsonValue(
    z.strictObject({
      birthYear: z.number().int().min(1900).max(2100),
      sex: z.enum(['female', 'male', 'other', 'unknown']),
    }),
  ),
  producers: ['offline:features'],
});
