/** The patient's problem list: chronic and recent acute conditions (KB ids) and every recorded ICD-10 code. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { icd10Code, idList, kbId } from '../value-schemas.js';
import { hasExactKeys, isIcd10Code, isIdList, isKbId } from '../value-checks.js';
import { jsonValue } from '../value-type.js';

const KEYS = ['chronic', 'icd10', 'recentAcute'];
const CONDITIONS = { item: isKbId, max: 200 };
const CODES = { item: isIcd10Code, max: 1000 };

export const conditionHistory = defineFeatureView({
  name: 'condition_history',
  entity: patient,
  version: 1,
  owner: 'clinical-data',
  description:
    'Active chronic conditions and acute conditions of the last 365 days (knowledge-base ids), and all recorded ICD-10-CM codes, including codes the knowledge base lacks.',
  maxStalenessMs: days(2),
  value: jsonValue(
    z.strictObject({
      /** KB condition ids, active. */
      chronic: idList(kbId, CONDITIONS.max),
      /** All recorded ICD-10-CM codes, including ones the KB lacks. */
      icd10: idList(icd10Code, CODES.max),
      /** KB condition ids recorded in the last 365 days. */
      recentAcute: idList(kbId, CONDITIONS.max),
    }),
    {
      isCanonical: (v) =>
        hasExactKeys(v, KEYS) &&
        isIdList(v['chronic'], CONDITIONS) &&
        isIdList(v['icd10'], CODES) &&
        isIdList(v['recentAcute'], CONDITIONS),
    },
  ),
  producers: ['offline:features', 'nearline:visit-refresh'],
});
