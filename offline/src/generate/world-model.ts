/**
 * The "true world" the generator samples from: the knowledge base perturbed in documented, seeded
 * ways (see world-params.ts and the README's "Synthetic data"). The KB's likelihoods are literature
 * estimates; here each (condition, finding) pair gets log-odds noise (σ 0.5, more and shrunk for
 * data-mined pairs), and a per-visit severity latent, age effects, background findings and patient
 * attributes act at visit time. A model trained on records from this world should beat the KB-only
 * ranking, as a model trained on real records beats the textbook.
 *
 * Built once per process from (kb, worldSeed); the same world for every `--seed`, so training and
 * test exports drawn with different seeds describe the same world.
 */
import type { Condition, Drug, Finding, KnowledgeBase } from '@mediassist/shared/kb';
import { calibrateChronicPriors, orderByRiskFactors } from './chronic-calibration.js';
import { MEASUREMENT_BY_LOINC } from './measurements.js';
import type { ThresholdRule } from './threshold-values.js';
import { ATTRIBUTE_FINDINGS, ATTRIBUTE_SHARE } from './patient-attributes.js';
import { createRandom, logit } from './random.js';
import {
  FINDING_AGES,
  FINDING_SEX,
  FOLLOWED_CONDITIONS,
  NO_RECURRENCE,
  ONSET_SEASONALITY,
  RECURRENCE_BOOST,
  SEASONALITY,
  SMOKING_ODDS,
  WORLD_PARAMS,
} from './world-params.js';

export interface WorldFinding {
  index: number;
  finding: Finding;
  sex: 'female' | 'male' | undefined;
  minAge: number;
  maxAge: number;
  /** Set for findings defined by a measurement threshold (vitals, labs). */
  threshold: { loinc: string; rule: ThresholdRule } | undefined;
  /** A fact about the patient (smoking, family history…), not drawn per visit. */
  attribute: boolean;
  /** Drawn at background rate when unrelated to the visit's condition. */
  backgroundRate: number;
}

export interface TrueAssociation {
  finding: number;
  kbLikelihood: number;
  /** The true world's log-odds, before severity and age effects. */
  trueLogit: number;
}

export interface TreatmentOptions {
  first: readonly Drug[];
  second: readonly Drug[];
  symptomatic: readonly Drug[];
}

export interface WorldCondition {
  index: number;
  condition: Condition;
  associations: readonly TrueAssociation[];
  /** Findings a clinician asks about to rule this condition in or out (KB likelihood ≥ 0.3). */
  typical: readonly number[];
  /** Attribute findings that change how often this condition occurs, with their true likelihood. */
  attributeEffects: readonly {
    finding: string;
    index: number;
    likelihood: number;
    share: number;
  }[];
  /** Seasonal rate multiplier by calendar month (0 = January), mean 1; undefined when not seasonal. */
  seasonByMonth: Float64Array | undefined;
  /** KB risk factors resolved to condition indexes, split by the risk factor's course. */
  chronicRiskFactors: readonly { index: number; oddsRatio: number }[];
  acuteRiskFactors: readonly { index: number; oddsRatio: number }[];
  recurrenceBoost: number;
  recurrent: boolean;
  recurs: boolean;
  followed: boolean;
  treatments: TreatmentOptions;
}

export interface AcuteTables {
  /** Seasonal multiplier at [k·12 + month] (1 for non-seasonal conditions). */
  season: Float64Array;
  /** 1 when the rate changes from month to month without an episode (seasonal or acute risk factors). */
  dynamic: Uint8Array;
  recurs: Uint8Array;
  boost: Float64Array;
}

export interface WorldModel {
  kb: KnowledgeBase;
  worldSeed: number;
  findings: readonly WorldFinding[];
  findingIndex: ReadonlyMap<string, number>;
  conditions: readonly WorldCondition[];
  conditionIndex: ReadonlyMap<string, number>;
  /** Acute condition indexes (drawn at symptom visits). */
  acute: readonly number[];
  /** Per acute condition (position k in `acute`): flat tables for the monthly visit process. */
  acuteTables: AcuteTables;
  /** Chronic condition indexes in assignment order. */
  chronicOrder: readonly number[];
  /** Base log-odds per chronic condition index and stratum (see chronic-calibration.ts). */
  chronicBase: ReadonlyMap<number, Float64Array>;
  /** For a chief-complaint finding: conditions a clinician would consider, most likely first. */
  alternatives: ReadonlyMap<number, readonly number[]>;
  /** Measurement LOINC → KB findings defined on it. */
  thresholdFindings: ReadonlyMap<string, readonly number[]>;
  /** Background findings: indexes and cumulative rates for sampling. */
  background: { findings: Int32Array; cumulative: Float64Array; total: number };
}

const MIN_LOGIT = logit(0.001);
const MAX_LOGIT = logit(0.995);
/** Mean of exp(a·cos θ) over a year: I0(a), by series. */
function besselI0(a: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 20; k++) {
    term *= (a / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

function seasonCurve(season: { peakMonth: number; amplitude: number }): Float64Array {
  const norm = besselI0(season.amplitude);
  return Float64Array.from(
    { length: 12 },
    (_, month) =>
      Math.exp(season.amplitude * Math.cos((2 * Math.PI * (month - season.peakMonth)) / 12)) / norm,
  );
}

function resolveDrugs(kb: KnowledgeBase, rxcuis: readonly string[]): Drug[] {
  return rxcuis.map((r) => kb.drugByRxcui(r)).filter((d): d is Drug => d !== undefined);
}

export function createWorldModel({
  kb,
  worldSeed,
}: {
  kb: KnowledgeBase;
  worldSeed: number;
}): WorldModel {
  const random = createRandom('world', worldSeed, kb.version);
  const attributeSet = new Set(ATTRIBUTE_FINDINGS);
  const findings: WorldFinding[] = kb.findings.map((finding, index) => {
    const ages = FINDING_AGES[finding.id];
    const threshold = finding.threshold;
    const measurable = threshold !== undefined && MEASUREMENT_BY_LOINC.has(threshold.loinc);
    const attribute = attributeSet.has(finding.id);
    return {
      index,
      finding,
      sex: FINDING_SEX[finding.id],
      minAge: ages?.min ?? 0,
      maxAge: ages?.max ?? 200,
      threshold: measurable
        ? {
            loinc: threshold.loinc,
            rule: { comparator: threshold.comparator, value: threshold.value },
          }
        : undefined,
      attribute,
      backgroundRate:
        measurable || attribute || finding.id === 'currently-pregnant'
          ? 0
          : finding.baseRate * WORLD_PARAMS.backgroundScale,
    };
  });
  const findingIndex = new Map(findings.map((f) => [f.finding.id, f.index]));
  const dataMined = new Set(WORLD_PARAMS.dataMinedSources);

  const conditions: WorldCondition[] = kb.conditions.map((condition, index) => {
    const associations: TrueAssociation[] = [];
    const typical: number[] = [];
    const attributeEffects: WorldCondition['attributeEffects'][number][] = [];
    for (const a of kb.associationsOf(condition.id)) {
      const fi = findingIndex.get(a.finding);
      if (fi === undefined) {
        continue;
      }
      let noise = random.normal() * WORLD_PARAMS.likelihoodNoiseSd;
      if (a.sources.every((s) => dataMined.has(s))) {
        noise += WORLD_PARAMS.dataMinedShift + random.normal() * WORLD_PARAMS.dataMinedNoiseSd;
      }
      const trueLogit = Math.min(MAX_LOGIT, Math.max(MIN_LOGIT, logit(a.likelihood) + noise));
      const share = ATTRIBUTE_SHARE[a.finding];
      if (share !== undefined) {
        attributeEffects.push({
          finding: a.finding,
          index: fi,
          likelihood: 1 / (1 + Math.exp(-trueLogit)),
          share,
        });
      } else {
        associations.push({ finding: fi, kbLikelihood: a.likelihood, trueLogit });
      }
      if (a.likelihood >= WORLD_PARAMS.negatives.typicalLikelihood) {
        typical.push(fi);
      }
    }
    const seasonal = SEASONALITY[condition.id] ?? ONSET_SEASONALITY[condition.id];
    const treatments = kb.treatmentsOf(condition.id);
    const byLine = (line: 'first' | 'second' | 'symptomatic'): Drug[] =>
      treatments.filter((t) => t.line === line).flatMap((t) => resolveDrugs(kb, t.drugs));
    return {
      index,
      condition,
      associations,
      typical,
      attributeEffects,
      seasonByMonth: seasonal && seasonCurve(seasonal),
      chronicRiskFactors: [],
      acuteRiskFactors: [],
      recurrenceBoost: RECURRENCE_BOOST[condition.id] ?? 1,
      recurrent: condition.id in RECURRENCE_BOOST,
      recurs: !NO_RECURRENCE.includes(condition.id),
      followed: FOLLOWED_CONDITIONS.includes(condition.id),
      treatments: {
        first: byLine('first'),
        second: byLine('second'),
        symptomatic: byLine('symptomatic'),
      },
    };
  });
  const conditionIndex = new Map(conditions.map((c) => [c.condition.id, c.index]));
  for (const c of conditions) {
    const resolved = c.condition.riskFactors.flatMap((rf) => {
      const index = conditionIndex.get(rf.condition);
      return index === undefined
        ? []
        : [{ index, oddsRatio: rf.oddsRatio, course: kb.conditions[index]?.course }];
    });
    c.chronicRiskFactors = resolved.filter((r) => r.course === 'chronic');
    c.acuteRiskFactors = resolved.filter((r) => r.course === 'acute');
  }

  const chronicConditions = kb.conditions.filter((c) => c.course === 'chronic');
  const ordered = orderByRiskFactors(chronicConditions);
  const bases = calibrateChronicPriors({ ordered, smokingOdds: SMOKING_ODDS });
  const chronicBase = new Map<number, Float64Array>();
  for (const [id, b] of bases) {
    const ci = conditionIndex.get(id);
    if (ci !== undefined) {
      chronicBase.set(ci, b);
    }
  }

  const meanPrior = (c: Condition): number =>
    (['female', 'male'] as const).reduce(
      (sum, sex) => sum + Object.values(c.prior[sex]).reduce((a, b) => a + b, 0),
      0,
    );
  const alternatives = new Map<number, number[]>();
  for (const f of findings) {
    const scored = conditions
      .map((c) => {
        const a = c.associations.find((x) => x.finding === f.index);
        const scale = c.condition.course === 'chronic' ? 0.1 : 1;
        return { c: c.index, score: a ? a.kbLikelihood * meanPrior(c.condition) * scale : 0 };
      })
      .filter((x) => x.score > 0)
      .sort((x, y) => y.score - x.score || x.c - y.c)
      .slice(0, 8)
      .map((x) => x.c);
    alternatives.set(f.index, scored);
  }

  const thresholdFindings = new Map<string, number[]>();
  for (const f of findings) {
    if (f.threshold) {
      const list = thresholdFindings.get(f.threshold.loinc) ?? [];
      list.push(f.index);
      thresholdFindings.set(f.threshold.loinc, list);
    }
  }

  const bg = findings.filter((f) => f.backgroundRate > 0);
  const cumulative = new Float64Array(bg.length);
  let total = 0;
  bg.forEach((f, i) => {
    total += f.backgroundRate;
    cumulative[i] = total;
  });

  const acute = conditions.filter((c) => c.condition.course === 'acute');
  const acuteTables: AcuteTables = {
    season: new Float64Array(acute.length * 12).fill(1),
    dynamic: new Uint8Array(acute.length),
    recurs: new Uint8Array(acute.length),
    boost: new Float64Array(acute.length),
  };
  acute.forEach((c, k) => {
    c.seasonByMonth?.forEach((v, month) => {
      acuteTables.season[k * 12 + month] = v;
    });
    acuteTables.dynamic[k] = c.seasonByMonth || c.acuteRiskFactors.length > 0 ? 1 : 0;
    acuteTables.recurs[k] = c.recurs ? 1 : 0;
    acuteTables.boost[k] = c.recurrenceBoost;
  });

  return {
    kb,
    worldSeed,
    acuteTables,
    findings,
    findingIndex,
    conditions,
    conditionIndex,
    acute: acute.map((c) => c.index),
    chronicOrder: ordered.map((c) => conditionIndex.get(c.id) ?? -1).filter((i) => i >= 0),
    chronicBase,
    alternatives,
    thresholdFindings,
    background: { findings: Int32Array.from(bg.map((f) => f.index)), cumulative, total },
  };
}

/** Whether a finding can occur in this patient at this age. */
export function findingPossible(f: WorldFinding, sex: 'female' | 'male', age: number): boolean {
  return (f.sex === undefined || f.sex === sex) && age >= f.minAge && age <= f.maxAge;
}
