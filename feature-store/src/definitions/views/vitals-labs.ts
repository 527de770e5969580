/** The latest value of each vital sign and laboratory result, keyed by LOINC code. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { isoDateOrDateTime, loincCode } from '../value-schemas.js';
import { jsonValue } from '../value-type.js';

const observation = z.strictObject({
  value: z.number(),
  /** UCUM unit, e.g. `mm[Hg]`, `%`, `mg/dL`. */
  unit: z.string().max(32),
  at: isoDateOrDateTime,
});

export const vitalsLabs = defineFeatureView({
  name: 'vitals_labs',
  entity: patient,
  version: 1,
  owner: 'clinical-data',
  description:
    'Latest value, UCUM unit and date per LOINC code (vital signs and laboratory results).',
  maxStalenessMs: days(2),
  value: jsonValue(
    z.strictObject({
      values: z
        .record(loincCode, observation)
        .refine((values) => Object.keys(values).length <= 300, { message: 'too many codes' }),
    }),
  ),
  producers: ['offline:features'],
});
