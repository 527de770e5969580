/**
 * A symptom visit's facts: an acute presentation, or the visit that diagnoses a chronic problem (its
 * problem-list Condition is written here, with the usual drugs started).
 */
import { attributeStates, isPostmenopausal } from './attribute-states.js';
import type { ResourceSink } from './emit-encounter.js';
import type { EncounterFacts, Prescription } from './encounter-facts.js';
import { isoDateTime } from './fhir-datatypes.js';
import { drawPresentation } from './presentation.js';
import { acutePrescriptions, newProblemPrescriptions } from './prescriptions.js';
import type { PatientState, VisitContext } from './visit-context.js';
import type { PlannedVisit } from './visit-plan.js';

export interface SymptomVisitOptions {
  ctx: VisitContext;
  state: PatientState;
  visit: Extract<PlannedVisit, { kind: 'acute' | 'new-problem' }>;
  base: EncounterFacts;
  active: ReadonlySet<string>;
  sink: ResourceSink;
}

export function symptomVisitFacts(options: SymptomVisitOptions): EncounterFacts {
  const { ctx, state, visit, base, active, sink } = options;
  const { world, measurer } = ctx;
  const { profile, random } = state;
  const { age } = base;
  const attributes = attributeStates({
    world,
    profile,
    ms: visit.ms,
    lastEpisode: state.lastEpisode,
  });
  const p = drawPresentation({
    world,
    condition: visit.condition,
    sex: profile.sex,
    age,
    postmenopausal: isPostmenopausal(profile, age),
    inPerson: base.encounterClass !== 'VR',
    attributes,
    baseline: (loinc) => measurer.baseline(state, loinc, { age, active }),
    weigh: random.chance(0.3),
    diagnostic: visit.kind === 'new-problem',
    random,
  });
  const measured = measurer.withDiastolic(state, [...p.measured], { age, active });
  const encounter = { id: base.id, ms: base.startMs };
  let prescriptions: Prescription[];
  if (visit.kind === 'acute') {
    state.lastEpisode[visit.condition] = visit.ms;
    prescriptions = acutePrescriptions({
      world,
      profile,
      condition: visit.condition,
      encounter,
      exportEndMs: ctx.endMs,
      random,
    });
  } else {
    prescriptions = newProblemPrescriptions({
      profile,
      condition: visit.condition,
      encounter,
      random,
    });
    state.chronicPrescriptions.push(...prescriptions);
    const problemId = random.uuid();
    state.problemIds.set(visit.condition, problemId);
    const c = world.conditions[visit.condition]?.condition;
    if (c) {
      const at = isoDateTime(base.startMs);
      sink.write(
        'Condition',
        ctx.resources.condition(
          {
            id: problemId,
            patientId: profile.id,
            encounterId: base.id,
            condition: c,
            category: 'problem-list-item',
            clinicalStatus: 'active',
            recordedMs: base.startMs,
            onsetMs: base.startMs,
          },
          { recorded: at, onset: at },
        ),
      );
    }
  }
  return {
    ...base,
    chiefComplaint: p.chiefComplaint,
    present: p.present,
    absent: p.absent,
    measured,
    weightKg: measurer.weightKg(state, { measured, age }),
    diagnoses: [visit.condition],
    prescriptions,
  };
}
