/**
 * Routine visits' facts: a chronic follow-up (vital signs, the monitoring labs of the problems
 * addressed) and a wellness visit (vital signs, height, smoking status, the social history taken,
 * and the preventive services done).
 */
import { attributeStates } from './attribute-states.js';
import type { EncounterFacts } from './encounter-facts.js';
import { smokingAt } from './patient-attributes.js';
import { heightAt } from './patient-profile.js';
import { preventiveCareAt } from './preventive-care.js';
import {
  CARDIORESPIRATORY,
  FOLLOW_UP_VITALS,
  monitoringLabs,
  WELLNESS_VITALS,
} from './routine-measurements.js';
import { RECORDED_HISTORY_FINDINGS, socialHistoryAt } from './social-history.js';
import type { PatientState, VisitContext } from './visit-context.js';
import type { PlannedVisit } from './visit-plan.js';

export interface RoutineVisitOptions<TKind extends 'follow-up' | 'wellness'> {
  ctx: VisitContext;
  state: PatientState;
  visit: Extract<PlannedVisit, { kind: TKind }>;
  base: EncounterFacts;
  active: ReadonlySet<string>;
}

export function followUpFacts(options: RoutineVisitOptions<'follow-up'>): EncounterFacts {
  const { ctx, state, visit, base, active } = options;
  const { world, measurer } = ctx;
  const { random } = state;
  const addressedIds = visit.addressed.map((ci) => world.conditions[ci]?.condition.id ?? '');
  const vitals: string[] = [...FOLLOW_UP_VITALS];
  if (addressedIds.some((c) => CARDIORESPIRATORY.has(c))) {
    vitals.push('2708-6', '9279-1');
  }
  if (random.chance(0.5)) {
    vitals.push('8310-5');
  }
  const labs = monitoringLabs(addressedIds, (p) => random.chance(p));
  const measured = measurer.withDiastolic(
    state,
    measurer.routine(state, base.startMs, [...vitals, ...labs]),
    { age: base.age, active },
  );
  for (const m of measured) {
    for (const id of ctx.servicesByLoinc.get(m.loinc) ?? []) {
      state.lastDone.set(id, base.startMs);
    }
  }
  return {
    ...base,
    measured,
    weightKg: measurer.weightKg(state, { measured, age: base.age }),
    diagnoses: visit.addressed,
  };
}

export function wellnessFacts(options: RoutineVisitOptions<'wellness'>): EncounterFacts {
  const { ctx, state, visit, base, active } = options;
  const { world, measurer } = ctx;
  const { profile, random } = state;
  const { age } = base;
  const measured = measurer.withDiastolic(
    state,
    measurer.routine(state, base.startMs, WELLNESS_VITALS),
    { age, active },
  );
  const attributes = attributeStates({
    world,
    profile,
    ms: visit.ms,
    lastEpisode: state.lastEpisode,
  });
  const socialHistory = socialHistoryAt({ world, profile, age, attributes, random });
  for (const r of socialHistory) {
    state.known.add(r.finding);
  }
  // Services act on what the practice knows: recorded history findings, and the rest as they are.
  const onRecord = new Set<string>(RECORDED_HISTORY_FINDINGS);
  const known = new Set<string>();
  for (const fi of attributes) {
    const id = world.findings[fi]?.finding.id ?? '';
    if (!onRecord.has(id) || state.known.has(fi)) {
      known.add(id);
    }
  }
  const preventive = preventiveCareAt({
    world,
    sex: profile.sex,
    age,
    ms: base.startMs,
    conditions: active,
    attributes: known,
    adherence: profile.adherence,
    lastDone: state.lastDone,
    measure: (loinc) => measurer.routine(state, base.startMs, [loinc])[0]?.value,
    random,
  });
  return {
    ...base,
    measured,
    weightKg: measurer.weightKg(state, { measured, age }),
    heightCm: Math.round(heightAt(profile.heightCm, age)),
    preventive,
    smoking: age >= 12 ? smokingAt(profile.traits, age) : undefined,
    socialHistory,
  };
}
