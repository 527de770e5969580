/** When each guideline-relevant test (KB test id) was last done, for "test due" suggestions. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { isoDate, kbId } from '../value-schemas.js';
import { hasExactKeys, isIsoDate, isKbId, isPlainRecord } from '../value-checks.js';
import { jsonValue } from '../value-type.js';

const KEYS = ['lastDone'];
const MAX_TESTS = 300;

/** `lastDone` as zod returns it: KB test ids to ISO dates, at most MAX_TESTS. */
function isLastDone(value: unknown): boolean {
  if (!isPlainRecord(value)) {
    return false;
  }
  const tests = Reflect.ownKeys(value);
  if (tests.length > MAX_TESTS) {
    return false;
  }
  for (const test of tests) {
    if (!isKbId(test) || !isIsoDate(value[test])) {
      return false;
    }
  }
  return true;
}

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
        .refine((tests) => Object.keys(tests).length <= MAX_TESTS, { message: 'too many tests' }),
    }),
    { isCanonical: (v) => hasExactKeys(v, KEYS) && isLastDone(v['lastDone']) },
  ),
  producers: ['offline:features'],
});
