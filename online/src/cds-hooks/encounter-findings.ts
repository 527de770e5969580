/**
 * The encounter's presentation from FHIR: the reason codes and `valueBoolean` Observations
 * (docs/specs/fhir-profile.md: `true` present, `false` explicitly absent) as knowledge-base findings,
 * and the latest measurement per LOINC for vital signs and the labs the KB defines thresholds on.
 */
import type { AssistVital } from '@mediassist/shared/api';
import { UcumUnitSchema } from '@mediassist/shared/events';
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';
import { codingsOf, dateOf, resourcesOf, type FhirCodeableConcept } from './fhir-resources.js';

export interface EncounterFindings {
  /** KB finding ids. */
  present: string[];
  absent: string[];
  vitals: AssistVital[];
}

/** The assist request's limit on measurements. */
const MAX_VITALS = 50;

export type EncounterFindingsReader = (values: {
  encounter?: unknown;
  observations?: unknown;
}) => EncounterFindings;

export function createEncounterFindingsReader(options: {
  kb: Pick<KnowledgeBase, 'findings' | 'findingByCode'>;
}): EncounterFindingsReader {
  const { kb } = options;
  const thresholdLoincs = new Set(
    kb.findings.flatMap((f) => (f.threshold ? [f.threshold.loinc] : [])),
  );
  const findingOf = (concept: FhirCodeableConcept | undefined): string | undefined =>
    codingsOf(concept)
      .map(({ system, code }) => kb.findingByCode(system, code))
      .find((f) => f !== undefined)?.id;
  const loincOf = (concept: FhirCodeableConcept | undefined): string | undefined =>
    codingsOf(concept).find((c) => c.system === CODE_SYSTEMS.loinc)?.code;

  return ({ encounter, observations }) => {
    const present = new Set<string>();
    const absent = new Set<string>();
    for (const e of resourcesOf(encounter, 'Encounter').items) {
      for (const reason of e.reasonCode ?? []) {
        const id = findingOf(reason);
        if (id !== undefined) {
          present.add(id);
        }
      }
    }
    const latest = new Map<string, { vital: AssistVital; at: number }>();
    const measure = (
      concept: FhirCodeableConcept,
      quantity: {
        value?: number | undefined;
        unit?: string | undefined;
        code?: string | undefined;
      },
      at: number,
    ): void => {
      const loinc = loincOf(concept);
      const unit = UcumUnitSchema.safeParse(quantity.code ?? quantity.unit);
      if (loinc === undefined || quantity.value === undefined || !unit.success) {
        return;
      }
      const previous = latest.get(loinc);
      if (!previous || previous.at <= at) {
        latest.set(loinc, { vital: { loinc, value: quantity.value, unit: unit.data }, at });
      }
    };
    for (const o of resourcesOf(observations, 'Observation').items) {
      if (o.status === 'entered-in-error' || o.status === 'cancelled') {
        continue;
      }
      if (o.valueBoolean !== undefined) {
        const id = findingOf(o.code);
        if (id !== undefined) {
          (o.valueBoolean ? present : absent).add(id);
        }
      }
      const vitalSign = (o.category ?? []).some((c) =>
        codingsOf(c).some((coding) => coding.code === 'vital-signs'),
      );
      const code = loincOf(o.code);
      if (!vitalSign && (code === undefined || !thresholdLoincs.has(code))) {
        continue;
      }
      const when = dateOf(o);
      const at = when === undefined ? 0 : Date.parse(when);
      if (o.valueQuantity) {
        measure(o.code, o.valueQuantity, at);
      }
      for (const component of o.component ?? []) {
        if (component.valueQuantity) {
          measure(component.code, component.valueQuantity, at);
        }
      }
    }
    return {
      present: [...present].sort(),
      absent: [...absent].filter((id) => !present.has(id)).sort(),
      vitals: [...latest.values()].slice(0, MAX_VITALS).map((v) => v.vital),
    };
  };
}
