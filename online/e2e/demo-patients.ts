/**
 * The synthetic patients the end-to-end run seeds into the online store: one with a fresh record
 * (on warfarin, so a proposed NSAID must warn), one whose record is days old (stale banner), and one
 * known to the EHR by an id the service pseudonymises. All values are made up.
 */
import type { PatientFeatureView } from '@mediassist/feature-store/definitions';
import type { FeatureWrites } from '@mediassist/feature-store/online';
import type { PatientId } from '@mediassist/shared/ids';
import { pseudonymizePatientId, type PseudonymKey } from '@mediassist/shared/pseudonym';

const DAY = 86_400_000;

export interface DemoSeed {
  patientId: PatientId;
  features: FeatureWrites<PatientFeatureView>;
}

export const EHR_ID = 'MRN-20931';

export function demoSeeds(options: { key: PseudonymKey; now: Date }): {
  anticoagulated: DemoSeed;
  stale: DemoSeed;
  byEhrId: DemoSeed;
} {
  const { key, now } = options;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const fresh = at(0.1);
  const old = at(6);
  return {
    anticoagulated: {
      patientId: pseudonymizePatientId('e2e-anticoagulated', key),
      features: {
        demographics: {
          value: { birthYear: now.getUTCFullYear() - 67, sex: 'female' },
          asOf: fresh,
        },
        condition_history: {
          value: {
            chronic: ['atrial-fibrillation', 'hypertension', 'type-2-diabetes'],
            icd10: ['I48.91', 'I10', 'E11.9'],
            recentAcute: [],
          },
          asOf: fresh,
        },
        medication_list: { value: { activeRxcuis: ['11289', '29046', '6809'] }, asOf: fresh },
        recent_findings: { value: { present: [], visits90d: 1, lastVisitAt: null }, asOf: fresh },
        recent_tests: { value: { lastDone: {} }, asOf: fresh },
        care_gaps: {
          value: {
            open: [
              { serviceId: 'colorectal-cancer-screening-50-75', dueSince: '2019-01-01' },
              { serviceId: 'zoster-vaccination-50-plus', dueSince: null },
            ],
          },
          asOf: fresh,
        },
      },
    },
    stale: {
      patientId: pseudonymizePatientId('e2e-stale', key),
      features: {
        demographics: { value: { birthYear: now.getUTCFullYear() - 45, sex: 'male' }, asOf: old },
        condition_history: {
          value: { chronic: ['asthma'], icd10: ['J45.909'], recentAcute: [] },
          asOf: old,
        },
        medication_list: { value: { activeRxcuis: ['435'] }, asOf: old },
      },
    },
    byEhrId: {
      patientId: pseudonymizePatientId(EHR_ID, key),
      features: {
        demographics: { value: { birthYear: now.getUTCFullYear() - 52, sex: 'male' }, asOf: fresh },
        condition_history: {
          value: { chronic: ['copd'], icd10: ['J44.9'], recentAcute: [] },
          asOf: fresh,
        },
        medication_list: { value: { activeRxcuis: [] }, asOf: fresh },
      },
    },
  };
}
