/** The patient's problem list: chronic and recent acute conditions (KB ids) and every recorded ICD-10 code. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { icd10Code, idList, kbId } from '../value-schemas.js';
import { jsonValue } from '../value-type.js';

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
      chronic: idList(kbId, 200),
      /** All recorded ICD-10-CM codes, including ones the KB lacks. */
      icd10: idList(icd10Code, 1000),
      /** KB condition ids recorded in the last 365 days. */
      recentAcute: idList(kbId, 200),
    }),
  ),
  producers: ['offline:features', 'nearline:visit-refresh'],
});
