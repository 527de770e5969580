/** Findings (KB ids) seen in the last 90 days and how often the patient visited. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { idList, isoDate, kbId } from '../value-schemas.js';
import { hasExactKeys, isIdList, isIntInRange, isIsoDateOrNull, isKbId } from '../value-checks.js';
import { jsonValue } from '../value-type.js';

const KEYS = ['present', 'visits90d', 'lastVisitAt'];
const FINDINGS = { item: isKbId, max: 300 };
const VISITS = { min: 0, max: 1000 };

export const recentFindings = defineFeatureView({
  name: 'recent_findings',
  entity: patient,
  version: 1,
  owner: 'clinical-data',
  description:
    'Knowledge-base findings recorded in the last 90 days, the number of visits in that window and the date of the last visit.',
  maxStalenessMs: days(1),
  value: jsonValue(
    z.strictObject({
      /** KB finding ids seen in the last 90 days. */
      present: idList(kbId, FINDINGS.max),
      visits90d: z.number().int().min(VISITS.min).max(VISITS.max),
      /** ISO date of the last visit, or null when there was none. */
      lastVisitAt: isoDate.nullable(),
    }),
    {
      isCanonical: (v) =>
        hasExactKeys(v, KEYS) &&
        isIdList(v['present'], FINDINGS) &&
        isIntInRange(v['visits90d'], VISITS) &&
        isIsoDateOrNull(v['lastVisitAt']),
    },
  ),
  producers: ['offline:features', 'nearline:visit-refresh'],
});
