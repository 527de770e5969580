/** A realistic, valid value for every registered view: for tests here and in the apps. Synthetic, no PHI. */
import type { PatientId } from '@mediassist/shared/ids';
import { PATIENT_EMBEDDING_DIMENSION } from '../definitions/views/patient-embedding.js';
import type { PatientFeatureValues } from '../definitions/registry.js';

export function samplePatientFeatures(): PatientFeatureValues {
  return {
    demographics: { birthYear: 1956, sex: 'female' },
    condition_history: {
      chronic: ['essential-hypertension', 'type-2-diabetes'],
      icd10: ['I10', 'E11.9', 'J06.9', 'Z00.00'],
      recentAcute: ['acute-bronchitis'],
    },
    medication_list: { activeRxcuis: ['29046', '6809', '83367'] },
    recent_findings: { present: ['cough', 'fever'], visits90d: 2, lastVisitAt: '2026-10-01' },
    vitals_labs: {
      values: {
        '8480-6': { value: 142, unit: 'mm[Hg]', at: '2026-10-01' },
        '4548-4': { value: 7.1, unit: '%', at: '2026-09-12' },
      },
    },
    recent_tests: { lastDone: { hba1c: '2026-09-12', 'lipid-panel': '2026-03-02' } },
    care_gaps: { open: [{ serviceId: 'colorectal-cancer-screening', dueSince: '2024-01-01' }] },
    medication_alerts: {
      alerts: [
        {
          interactionId: 'lisinopril-spironolactone',
          severity: 'major',
          rxcuis: ['29046', '9997'],
        },
      ],
    },
    patient_embedding: Float32Array.from(
      { length: PATIENT_EMBEDDING_DIMENSION },
      (_, i) => i / 8 - 2,
    ),
  };
}

/** A deterministic pseudonymous id for test patient `n` (never a real pseudonym). */
export function testPatientId(n: number): PatientId {
  return `pt_${n.toString(16).padStart(32, '0')}` as PatientId;
}
