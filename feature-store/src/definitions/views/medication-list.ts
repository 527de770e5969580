/** Active medications as RxNorm ingredient RxCUIs, the input of drug–interaction checks. */
import { z } from 'zod';
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { idList, rxcui } from '../value-schemas.js';
import { hasExactKeys, isIdList, isRxcui } from '../value-checks.js';
import { jsonValue } from '../value-type.js';

const KEYS = ['activeRxcuis'];
const RXCUIS = { item: isRxcui, max: 200 };

export const medicationList = defineFeatureView({
  name: 'medication_list',
  entity: patient,
  version: 1,
  owner: 'clinical-data',
  description: 'Active medications, as RxNorm ingredient RxCUIs.',
  maxStalenessMs: days(1),
  value: jsonValue(
    z.strictObject({
      /** Ingredient-level RxCUIs of active medication requests. */
      activeRxcuis: idList(rxcui, RXCUIS.max),
    }),
    { isCanonical: (v) => hasExactKeys(v, KEYS) && isIdList(v['activeRxcuis'], RXCUIS) },
  ),
  producers: ['offline:features', 'nearline:visit-refresh'],
});
