/** Open preventive-care gaps (KB preventive service ids) and since when each has been due. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { isoDate, kbId } from '../value-schemas.js';
import { hasExactKeys, isIsoDateOrNull, isKbId } from '../value-checks.js';
import { jsonValue } from '../value-type.js';

const KEYS = ['open'];
const GAP_KEYS = ['serviceId', 'dueSince'];
const MAX_GAPS = 100;

/** `open` as zod returns it: at most MAX_GAPS gaps, one per service. */
function isOpenGaps(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_GAPS) {
    return false;
  }
  const services = new Set<unknown>();
  for (const gap of value as unknown[]) {
    if (
      !hasExactKeys(gap, GAP_KEYS) ||
      !isKbId(gap['serviceId']) ||
      !isIsoDateOrNull(gap['dueSince'])
    ) {
      return false;
    }
    services.add(gap['serviceId']);
  }
  return services.size === value.length;
}

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
        .max(MAX_GAPS)
        .refine((gaps) => new Set(gaps.map((g) => g.serviceId)).size === gaps.length, {
          message: 'duplicate service ids',
        }),
    }),
    { isCanonical: (v) => hasExactKeys(v, KEYS) && isOpenGaps(v['open']) },
  ),
  producers: ['offline:features', 'nearline:visit-refresh'],
});
