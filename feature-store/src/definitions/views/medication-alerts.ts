/** Drug–drug interactions (KB interaction ids) found among the active medications. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { kbId, rxcui } from '../value-schemas.js';
import { jsonValue } from '../value-type.js';

export const medicationAlerts = defineFeatureView({
  name: 'medication_alerts',
  entity: patient,
  version: 1,
  owner: 'medication-safety',
  description:
    'Interactions between active medications found by the shared interaction checker (a cache: online re-checks locally).',
  maxStalenessMs: days(1),
  value: jsonValue(
    z.strictObject({
      alerts: z
        .array(
          z.strictObject({
            interactionId: kbId,
            /** KB severity, e.g. `major`. */
            severity: z.string().min(1).max(32),
            rxcuis: z.tuple([rxcui, rxcui]),
          }),
        )
        .max(200),
    }),
  ),
  producers: ['offline:features', 'nearline:visit-refresh'],
});
