/**
 * `createPatientSummaries(deps)`: one patient's record as the web app shows it before the
 * consultation — age, sex, chronic and recent conditions, active medications, open preventive-care
 * gaps and each feature view's freshness — from the same feature read and patient context the
 * assist answer uses, so the screen and the suggestions never disagree about the patient.
 */
import type { FeatureRegistry } from '@mediassist/feature-store/definitions';
import type { FeatureFreshness, PatientSummaryResponse } from '@mediassist/shared/api';
import type { PatientId } from '@mediassist/shared/ids';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { createCareGapsSection } from '../assist/care-gaps-section.js';
import type { FeatureReader } from '../features/feature-reader.js';
import { patientContext, type ViewReport } from '../features/patient-context.js';

export interface PatientSummaries {
  /** Never throws for the store: an unreadable store gives `freshness.read: 'unavailable'`. */
  summarize(patientId: PatientId): Promise<PatientSummaryResponse>;
}

export interface PatientSummariesOptions {
  kb: KnowledgeBase;
  features: FeatureReader;
  /** For each view's staleness limit. */
  registry: Pick<FeatureRegistry, 'find'>;
  now: () => Date;
}

/** True when nothing at all is stored for the patient (every view missing): an unknown patient. */
export function isUnknownPatient(summary: PatientSummaryResponse): boolean {
  return (
    summary.freshness.read === 'ok' &&
    summary.freshness.views.every((view) => view.status === 'missing')
  );
}

export function createPatientSummaries(options: PatientSummariesOptions): PatientSummaries {
  const { kb, features, registry, now } = options;
  const careGapsSection = createCareGapsSection(kb);
  const conditionRef = (id: string) => {
    const condition = kb.condition(id);
    return condition
      ? [{ conditionId: id, display: condition.display, icd10: condition.icd10[0] ?? '' }]
      : [];
  };
  const freshness = (name: string, report: ViewReport): FeatureFreshness => ({
    view: name,
    status: report.status,
    asOf: report.asOf ?? null,
    ageMs: report.ageMs ?? null,
    maxStalenessMs: registry.find(name)?.maxStalenessMs ?? null,
  });

  return {
    async summarize(patientId) {
      const at = now();
      const read = await features.read(patientId, at);
      const context = patientContext({ read, request: {}, now: at });
      const views = Object.entries(context.views).map(([name, report]) => freshness(name, report));
      const known = (name: string) =>
        views.some((v) => v.view === name && (v.status === 'fresh' || v.status === 'stale'));
      return {
        patientId,
        kbVersion: kb.version,
        age: context.age,
        sex: context.sex,
        conditions: {
          known: known('condition_history'),
          chronic: context.chronic.flatMap(conditionRef),
          recent: context.recentAcute
            .filter((id) => !context.chronic.includes(id))
            .flatMap(conditionRef),
        },
        medications: {
          known: context.activeRxcuis !== null,
          active: (context.activeRxcuis ?? []).map((rxcui) => ({
            rxcui,
            name: kb.drugByRxcui(rxcui)?.name ?? null,
          })),
        },
        careGaps: careGapsSection({ context, now: at }),
        freshness: {
          read: read.ok ? 'ok' : 'unavailable',
          readAt: at.toISOString(),
          views,
          stale: views.filter((v) => v.status === 'stale').map((v) => v.view),
          missing: views
            .filter((v) => v.status !== 'fresh' && v.status !== 'stale')
            .map((v) => v.view),
        },
      };
    },
  };
}
