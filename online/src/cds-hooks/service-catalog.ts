/**
 * MediAssist's CDS Hooks services: what discovery lists (hook, title, description, id, prefetch
 * templates). Each template is a FHIR read or search that only uses the specification's recommended
 * subset (reads, `patient=` references, token equality, `_sort`, `_count`).
 */
import type { CdsServiceDescriptor } from '@mediassist/shared/api';

/** What a prefetch key holds, for messages about data that could not be read. */
export const PREFETCH_KEYS = {
  patient: 'age and sex (Patient)',
  conditions: 'problem list (Condition)',
  observations: 'results and vital signs (Observation)',
  procedures: 'procedures (Procedure)',
  immunizations: 'immunizations (Immunization)',
  medications: 'active medications (MedicationRequest)',
  encounter: 'encounter reason (Encounter)',
  encounterObservations: 'this encounter’s findings and vital signs (Observation)',
} as const;
export type PrefetchKey = keyof typeof PREFETCH_KEYS;

const TEMPLATES: Readonly<Record<PrefetchKey, string>> = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}&clinical-status=active',
  observations: 'Observation?patient={{context.patientId}}&_sort=-date&_count=200',
  procedures: 'Procedure?patient={{context.patientId}}&_sort=-date&_count=100',
  immunizations: 'Immunization?patient={{context.patientId}}&_sort=-date&_count=100',
  medications: 'MedicationRequest?patient={{context.patientId}}&status=active',
  encounter: 'Encounter/{{context.encounterId}}',
  encounterObservations:
    'Observation?patient={{context.patientId}}&encounter={{context.encounterId}}&_count=200',
};

export const CDS_SERVICE_IDS = [
  'mediassist-patient-view',
  'mediassist-order-select',
  'mediassist-order-sign',
  'mediassist-encounter-start',
] as const;
export type CdsServiceId = (typeof CDS_SERVICE_IDS)[number];

export interface CdsServiceDefinition {
  id: CdsServiceId;
  hook: 'patient-view' | 'order-select' | 'order-sign' | 'encounter-start';
  title: string;
  description: string;
  prefetch: readonly PrefetchKey[];
}

export const CDS_SERVICES: readonly CdsServiceDefinition[] = [
  {
    id: 'mediassist-patient-view',
    hook: 'patient-view',
    title: 'MediAssist preventive and chronic care',
    description:
      'Preventive services due (USPSTF A/B, ACIP), guideline monitoring for chronic conditions not found in the record, and serious interactions among the active medications. Suggestions to support clinical judgement.',
    prefetch: [
      'patient',
      'conditions',
      'observations',
      'procedures',
      'immunizations',
      'medications',
    ],
  },
  {
    id: 'mediassist-order-select',
    hook: 'order-select',
    title: 'MediAssist drug interactions (order select)',
    description:
      'Checks the selected draft MedicationRequests (RxNorm) against the active medications and the other draft orders; suggests removing the draft, or an alternative the knowledge base lists for the patient’s conditions.',
    prefetch: ['medications', 'conditions'],
  },
  {
    id: 'mediassist-order-sign',
    hook: 'order-sign',
    title: 'MediAssist drug interactions (order sign)',
    description:
      'Checks every draft MedicationRequest (RxNorm) about to be signed against the active medications and each other.',
    prefetch: ['medications', 'conditions'],
  },
  {
    id: 'mediassist-encounter-start',
    hook: 'encounter-start',
    title: 'MediAssist differential and tests to consider',
    description:
      'From the encounter’s reason and recorded findings and vital signs: differential suggestions with their evidence (never a diagnosis) and the tests guidelines recommend next.',
    prefetch: ['patient', 'encounter', 'encounterObservations'],
  },
];

export function serviceById(id: string): CdsServiceDefinition | undefined {
  return CDS_SERVICES.find((service) => service.id === id);
}

export function prefetchTemplate(key: PrefetchKey): string {
  return TEMPLATES[key];
}

/** The discovery document's entry for a service. */
export function describeService(service: CdsServiceDefinition): CdsServiceDescriptor {
  return {
    hook: service.hook,
    title: service.title,
    description: service.description,
    id: service.id,
    prefetch: Object.fromEntries(service.prefetch.map((key) => [key, TEMPLATES[key]])),
  };
}
