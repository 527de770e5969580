/** When each guideline-relevant test (KB test id) was last done, for "test due" suggestions. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { isoDate, kbId } from '../value-schemas.js';
import { jsonValue } from '../value-type.js';

export const recentTests = defineFeatureView({
  name: 'recent_tests',
  entity: patient,
  version: 1,
  owner: 'clinical-data',
  description: 'Date each knowledge-base test was last done.',
  maxStalenessMs: days(2),
  value: jsonValue(
    z.strictObject({
      /** KB test id → ISO date last done. */
      lastDone: z
        .record(kbId, isoDate)
        .refine((tests) => Object.keys(tests).length <= 300, { message: 'too many tests' }),
    }),
  ),
  producers: ['offline:features'],
});
