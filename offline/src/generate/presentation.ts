/**
 * What a symptom visit looks like in the true world: which findings the condition produces (true
 * likelihoods, a severity latent shared by all findings of the visit, age effects), unrelated findings
 * at background rates, patient attributes, measured vitals and labs that agree with the findings, and
 * what the clinician writes down (incomplete documentation plus 2–5 explicit negatives for plausible
 * alternatives).
 */
import type { Baseline } from './baselines.js';
import { ACUTE_VITALS } from './measurements.js';
import { resolveMeasurement } from './resolve-measurement.js';
import { sigmoid, type Random } from './random.js';
import { findingPossible, type WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

export interface PresentationInput {
  world: WorldModel;
  condition: number;
  sex: 'female' | 'male';
  age: number;
  inPerson: boolean;
  /** Attribute findings (smoking, family history…) true for this patient today. */
  attributes: ReadonlySet<number>;
  baseline: (loinc: string) => Baseline;
  /** Also measure weight and BMI. */
  weigh: boolean;
  /** The visit that diagnoses a chronic problem: every test its lab findings call for is done. */
  diagnostic: boolean;
  random: Random;
}

export interface Measured {
  loinc: string;
  value: number;
}

export interface Presentation {
  chiefComplaint: number | undefined;
  /** Documented present / explicitly absent findings (finding indexes). */
  present: readonly number[];
  absent: readonly number[];
  measured: readonly Measured[];
  /** The severity latent (for notes: "looks unwell" is not written; kept for diagnostics). */
  severity: number;
}

const KINDS = WORLD_PARAMS.severityLoading;
/** Breathing rate and oxygen saturation are taken for chest, heart and infectious presentations. */
const CHEST_VITALS: ReadonlySet<string> = new Set(['9279-1', '2708-6']);
const CARDIORESPIRATORY_SYSTEMS: ReadonlySet<string> = new Set([
  'respiratory',
  'cardiovascular',
  'infectious',
  'ent',
]);
const { elderly } = WORLD_PARAMS;

/** Keeps the marginal probability near the true likelihood when the severity latent is added. */
const spreadCorrection = (beta: number): number => Math.sqrt(1 + (Math.PI * beta * beta) / 8);

export function drawPresentation(input: PresentationInput): Presentation {
  const { world, condition, sex, age, inPerson, attributes, baseline, weigh, diagnostic, random } =
    input;
  const wc = world.conditions[condition];
  if (!wc) {
    throw new RangeError(`no condition ${String(condition)}`);
  }
  const severity = random.normal();
  const truth = new Set<number>();
  const drawnProbability = new Map<number, number>();
  for (const a of wc.associations) {
    const f = world.findings[a.finding];
    if (!f || !findingPossible(f, sex, age)) {
      continue;
    }
    const beta = KINDS[f.finding.kind];
    let x = a.trueLogit * spreadCorrection(beta) + beta * severity;
    if (age >= elderly.minAge) {
      if (elderly.feverFindings.includes(f.finding.id)) {
        x += elderly.feverShift;
      } else if (elderly.atypicalFindings.includes(f.finding.id)) {
        x += elderly.atypicalShift;
      } else if (a.kbLikelihood >= elderly.classicMinLikelihood && f.finding.kind !== 'history') {
        x += elderly.classicShift;
      }
    } else if (age < 5 && f.finding.id === 'fever') {
      x += WORLD_PARAMS.youngChildFeverShift;
    }
    const p = sigmoid(x);
    drawnProbability.set(a.finding, p);
    if (random.chance(p)) {
      truth.add(a.finding);
    }
  }
  const bg = world.background;
  const extra = random.poisson(bg.total);
  for (let k = 0; k < extra; k++) {
    const u = random.next() * bg.total;
    let lo = 0;
    let hi = bg.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((bg.cumulative[mid] ?? 0) < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const fi = bg.findings[lo] ?? -1;
    const f = world.findings[fi];
    if (f && findingPossible(f, sex, age)) {
      truth.add(fi);
    }
  }
  for (const fi of attributes) {
    truth.add(fi);
  }

  // Measurements: vitals in person, and the tests the condition's lab findings call for.
  const loincs: string[] = [];
  if (inPerson) {
    const chest = CARDIORESPIRATORY_SYSTEMS.has(wc.condition.bodySystem) || age < 5;
    loincs.push(
      ...ACUTE_VITALS.filter((l) => chest || !CHEST_VITALS.has(l) || random.chance(0.25)),
    );
  }
  if (inPerson && weigh) {
    loincs.push('39156-5');
  }
  const observable = new Set<number>();
  for (const a of wc.associations) {
    const f = world.findings[a.finding];
    if (!f || f.finding.kind !== 'lab' || !inPerson) {
      continue;
    }
    if (diagnostic || random.chance(WORLD_PARAMS.labOrderedAtAcuteVisit)) {
      if (f.threshold) {
        loincs.push(f.threshold.loinc);
      } else {
        observable.add(a.finding);
      }
    }
  }
  const measured: Measured[] = [];
  const seen = new Set<string>();
  for (const loinc of loincs) {
    if (seen.has(loinc)) {
      continue;
    }
    seen.add(loinc);
    const r = resolveMeasurement({
      world,
      loinc,
      age,
      baseline: baseline(loinc),
      drawn: truth,
      random,
    });
    if (!r) {
      continue;
    }
    measured.push({ loinc, value: r.value });
    for (const s of r.states) {
      observable.add(s.finding);
      if (s.present) {
        truth.add(s.finding);
      } else {
        truth.delete(s.finding);
      }
    }
  }
  // Threshold findings on unmeasured LOINCs cannot be known at this visit.
  const knowable = (fi: number): boolean => {
    const f = world.findings[fi];
    if (!f) {
      return false;
    }
    if (f.threshold || f.finding.kind === 'lab') {
      return observable.has(fi);
    }
    return inPerson || f.finding.kind === 'symptom' || f.finding.kind === 'history';
  };

  // The chief complaint: a present symptom of the condition (the most typical first), else a present
  // sign or result; a symptom is made present when nothing else shows.
  const associated = [...wc.associations].sort(
    (x, y) => y.trueLogit - x.trueLogit || x.finding - y.finding,
  );
  const kindOf = (fi: number) => world.findings[fi]?.finding.kind;
  const presentSymptoms = associated.filter(
    (a) => truth.has(a.finding) && kindOf(a.finding) === 'symptom',
  );
  let chiefComplaint: number | undefined =
    presentSymptoms[0]?.finding ??
    associated.find(
      (a) => truth.has(a.finding) && knowable(a.finding) && kindOf(a.finding) !== 'history',
    )?.finding;
  if (chiefComplaint === undefined) {
    const fallback = associated.find((a) => {
      const f = world.findings[a.finding];
      return f && f.finding.kind === 'symptom' && findingPossible(f, sex, age);
    });
    chiefComplaint = fallback?.finding;
    if (chiefComplaint !== undefined) {
      truth.add(chiefComplaint);
    }
  }
  if (presentSymptoms.length > 1 && random.chance(0.3)) {
    chiefComplaint = presentSymptoms[1]?.finding ?? chiefComplaint;
  }

  const present: number[] = chiefComplaint === undefined ? [] : [chiefComplaint];
  for (const fi of [...truth].sort((a, b) => a - b)) {
    const f = world.findings[fi];
    if (!f || fi === chiefComplaint || !knowable(fi)) {
      continue;
    }
    const related =
      drawnProbability.has(fi) || wc.attributeEffects.some((e) => e.finding === f.finding.id);
    const p = f.attribute && !related ? 0.08 : WORLD_PARAMS.documentPresent[f.finding.kind];
    if (random.chance(p)) {
      present.push(fi);
    }
  }

  // Explicit negatives: typical findings of the condition and of plausible alternatives.
  const pool = new Set<number>();
  const alternatives = (
    chiefComplaint === undefined ? [] : (world.alternatives.get(chiefComplaint) ?? [])
  ).filter((c) => c !== condition);
  const chosen = [condition, ...alternatives.slice(0, WORLD_PARAMS.negatives.alternatives + 2)];
  for (const ci of chosen) {
    for (const fi of world.conditions[ci]?.typical ?? []) {
      const f = world.findings[fi];
      if (f && !truth.has(fi) && findingPossible(f, sex, age) && knowable(fi)) {
        pool.add(fi);
      }
    }
  }
  const poolList = [...pool].sort((a, b) => a - b);
  const { min, max } = WORLD_PARAMS.negatives;
  const wanted = min + random.int(max - min + 1);
  const absent: number[] = [];
  while (absent.length < wanted && poolList.length > 0) {
    const i = random.int(poolList.length);
    const [fi] = poolList.splice(i, 1);
    if (fi !== undefined) {
      absent.push(fi);
    }
  }
  return { chiefComplaint, present, absent, measured, severity };
}
