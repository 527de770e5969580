/**
 * What a symptom visit looks like in the true world: which findings the condition produces (true
 * likelihoods, a severity latent shared by all findings of the visit, age effects), other complaints
 * raised at the same visit, patient attributes, measured vitals and labs that agree with the findings,
 * and what the clinician writes down: the chief complaint, a few more findings (sparse documentation),
 * the results of tests done, and 1–4 explicit negatives for plausible alternatives.
 */
import { ageShift } from './age-presentation.js';
import type { Baseline } from './baselines.js';
import { ACUTE_VITALS } from './measurements.js';
import { resolveMeasurement } from './resolve-measurement.js';
import { sigmoid, type Random } from './random.js';
import { findingPossible, type WorldCondition, type WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

export interface PresentationInput {
  world: WorldModel;
  condition: number;
  sex: 'female' | 'male';
  age: number;
  postmenopausal: boolean;
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

/** Keeps the marginal probability near the true likelihood when the severity latent is added. */
const spreadCorrection = (beta: number): number => Math.sqrt(1 + (Math.PI * beta * beta) / 8);

/** Picks one index with probability proportional to its weight. */
function pickWeighted(items: readonly number[], weight: (i: number) => number, random: Random) {
  let total = 0;
  for (const i of items) {
    total += weight(i);
  }
  let u = random.next() * total;
  for (const i of items) {
    u -= weight(i);
    if (u < 0) {
      return i;
    }
  }
  return items[items.length - 1];
}

function relatedAttribute(world: WorldModel, wc: WorldCondition, fi: number): boolean {
  return (
    wc.attributeEffects.some((e) => e.index === fi) ||
    wc.attributeRiskFactors.some((r) => r.index === fi) ||
    wc.clusters.some((c) => world.clusterAttribute[c] === fi)
  );
}

export function drawPresentation(input: PresentationInput): Presentation {
  const { world, condition, age, inPerson, attributes, baseline, weigh, diagnostic, random } =
    input;
  const patient = { sex: input.sex, age, postmenopausal: input.postmenopausal };
  const wc = world.conditions[condition];
  if (!wc) {
    throw new RangeError(`no condition ${String(condition)}`);
  }
  const severity = random.normal();
  const truth = new Set<number>();
  const drawnProbability = new Map<number, number>();
  for (const a of wc.associations) {
    const f = world.findings[a.finding];
    if (!f || !findingPossible(f, patient)) {
      continue;
    }
    const beta = KINDS[f.finding.kind];
    const x =
      a.trueLogit * spreadCorrection(beta) +
      beta * severity +
      ageShift(f.finding, a.kbLikelihood, age);
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
    if (f && findingPossible(f, patient)) {
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
  const tested: number[] = [];
  for (const a of wc.associations) {
    const f = world.findings[a.finding];
    if (!f || f.finding.kind !== 'lab' || !inPerson) {
      continue;
    }
    if (diagnostic || random.chance(WORLD_PARAMS.labOrderedAtAcuteVisit)) {
      if (f.threshold) {
        loincs.push(f.threshold.loinc);
      } else if (findingPossible(f, patient)) {
        observable.add(a.finding);
        tested.push(a.finding);
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
  const kindOf = (fi: number) => world.findings[fi]?.finding.kind;

  // The chief complaint: a present symptom of the condition, the more likely ones more often; else a
  // present sign or result; else the patient comes with one of its symptoms (the commoner ones more
  // often), however non-specific.
  const salience = (fi: number): number => drawnProbability.get(fi) ?? 0;
  const associated = wc.associations.map((a) => a.finding);
  const presentSymptoms = associated.filter((fi) => truth.has(fi) && kindOf(fi) === 'symptom');
  let chiefComplaint: number | undefined =
    presentSymptoms.length > 0
      ? pickWeighted(presentSymptoms, salience, random)
      : associated.find((fi) => truth.has(fi) && knowable(fi) && kindOf(fi) !== 'history');
  if (chiefComplaint === undefined) {
    const possible = associated.filter((fi) => {
      const f = world.findings[fi];
      return f && f.finding.kind === 'symptom' && findingPossible(f, patient);
    });
    chiefComplaint =
      possible.length > 0
        ? pickWeighted(
            possible,
            (fi) => sigmoid(wc.associations.find((a) => a.finding === fi)?.trueLogit ?? 0),
            random,
          )
        : undefined;
    if (chiefComplaint !== undefined) {
      truth.add(chiefComplaint);
    }
  }

  // What gets written: the chief complaint, every test result, then a few of the other findings.
  const present: number[] = chiefComplaint === undefined ? [] : [chiefComplaint];
  const absent: number[] = [];
  const candidates: number[] = [];
  for (const fi of [...truth].sort((a, b) => a - b)) {
    const f = world.findings[fi];
    if (!f || fi === chiefComplaint || !knowable(fi)) {
      continue;
    }
    if (f.attribute && !relatedAttribute(world, wc, fi)) {
      if (random.chance(WORLD_PARAMS.unrelatedAttributeDocumented)) {
        present.push(fi);
      }
    } else if (tested.includes(fi)) {
      present.push(fi);
    } else {
      candidates.push(fi);
    }
  }
  for (const fi of tested) {
    if (!truth.has(fi)) {
      absent.push(fi);
    }
  }
  const { extraPresentMean, maxPresent } = WORLD_PARAMS.documentation;
  let more = Math.min(maxPresent - 1, random.poisson(extraPresentMean));
  while (more > 0 && candidates.length > 0) {
    const [fi] = candidates.splice(random.int(candidates.length), 1);
    if (fi !== undefined) {
      present.push(fi);
    }
    more -= 1;
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
      if (
        f &&
        !truth.has(fi) &&
        findingPossible(f, patient) &&
        knowable(fi) &&
        !absent.includes(fi)
      ) {
        pool.add(fi);
      }
    }
  }
  const poolList = [...pool].sort((a, b) => a - b);
  const { min, max } = WORLD_PARAMS.negatives;
  const wanted = min + random.int(max - min + 1);
  for (let k = 0; k < wanted && poolList.length > 0; k++) {
    const [fi] = poolList.splice(random.int(poolList.length), 1);
    if (fi !== undefined) {
      absent.push(fi);
    }
  }
  return { chiefComplaint, present, absent, measured, severity };
}
