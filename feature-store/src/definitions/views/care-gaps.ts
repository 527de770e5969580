/** Open preventive-care gaps (KB preventive service ids) and since when each has been due. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { isoDate, kbId } from '../value-schemas.js';
import { jsonValue } from '../value-type.js';

export const careGaps = defineFeatureView({
  name: 'care_gaps',
  entity: patient,
  version: 1,
  owner: 'care-quality',
  description:
    'Preventive services the guideline engine finds due, with the date each became due (null when unknown).',
  maxStalenessMs: days(2),
  value: jsonValue(
    z.strictObject({
      open: z
        .array(z.strictObject({ serviceId: kbId, dueSince: isoDate.nullable() }))
        .max(100)
        .refine((gaps) => new Set(gaps.map((g) => g.serviceId)).size === gaps.length, {
          message: 'duplicate service ids',
        }),
    }),
  ),
  producers: ['offline:features', 'nearline:visit-refresh'],
});
