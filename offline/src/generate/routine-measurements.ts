/** What is measured at chronic follow-ups and wellness visits: vital signs and the usual monitoring labs. */

/** Monitoring labs per followed chronic condition (NICE/ADA monitoring schedules, simplified). */
export const MONITORING_LABS: Readonly<Record<string, readonly string[]>> = {
  'type-2-diabetes': [
    '4548-4',
    '2160-0',
    '62238-1',
    '9318-7',
    '13457-7',
    '2093-3',
    '2085-9',
    '2571-8',
  ],
  'type-1-diabetes': ['4548-4', '2160-0', '62238-1', '9318-7'],
  prediabetes: ['4548-4'],
  hypertension: ['2160-0', '62238-1', '2823-3', '2951-2'],
  hyperlipidaemia: ['13457-7', '2093-3', '2085-9', '2571-8', '1742-6'],
  'chronic-kidney-disease': ['2160-0', '62238-1', '2823-3', '9318-7', '718-7'],
  'heart-failure': ['2160-0', '62238-1', '2823-3', '2951-2', '33762-6'],
  hypothyroidism: ['3016-3'],
  hyperthyroidism: ['3016-3'],
  'atrial-fibrillation': ['2160-0', '62238-1', '718-7'],
  'iron-deficiency-anaemia': ['718-7', '787-2', '2276-4'],
};

/** Probability that a follow-up orders a condition's monitoring labs. */
export const MONITORING_ORDER_SHARE = 0.6;

/** Vital signs at a follow-up (always) and extra ones for cardiorespiratory problems. */
export const FOLLOW_UP_VITALS = ['8480-6', '8867-4', '39156-5'] as const;
export const CARDIORESPIRATORY = new Set([
  'copd',
  'heart-failure',
  'asthma',
  'atrial-fibrillation',
]);
export const WELLNESS_VITALS = ['8310-5', '8867-4', '9279-1', '8480-6', '39156-5'] as const;

/** Labs the visit orders: the union of the addressed conditions' monitoring sets, each with a chance. */
export function monitoringLabs(
  addressed: readonly string[],
  chance: (p: number) => boolean,
): string[] {
  const loincs = new Set<string>();
  for (const id of addressed) {
    const set = MONITORING_LABS[id];
    if (set && chance(MONITORING_ORDER_SHARE)) {
      set.forEach((l) => loincs.add(l));
    }
  }
  return [...loincs];
}
