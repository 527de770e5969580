/**
 * The "true world" the generator samples from: the knowledge base perturbed in documented, seeded
 * ways (world-params.ts and the tables beside it; the README's "Synthetic data"). Findings come from
 * world-findings.ts, each condition's true likelihoods from true-associations.ts (spectrum bias and
 * noise); here the conditions also get their case mix, true risk factors (the KB's with deviating
 * odds ratios, plus links the KB lacks), exposure clusters, seasonality and recurrence.
 *
 * Built once per process from (kb, worldSeed); the same world for every `--seed`, so training and
 * test exports drawn with different seeds describe the same world.
 */
import type { Condition, Drug, KnowledgeBase } from '@mediassist/shared/kb';
import { buildAcuteTables, type AcuteTables } from './acute-tables.js';
import { calibrateChronicPriors, orderByRiskFactors } from './chronic-calibration.js';
import { HIDDEN_RISK_FACTORS, SMOKING_ODDS } from './comorbidity.js';
import { drawHiddenAssociations } from './hidden-associations.js';
import { EXPOSURE_CLUSTERS, type ExposureCluster } from './exposure-clusters.js';
import { PREMENOPAUSAL_CONDITIONS } from './finding-constraints.js';
import { ATTRIBUTE_SHARE } from './patient-attributes.js';
import { createRandom, logit, sigmoid } from './random.js';
import { NO_RECURRENCE, RECURRENCE_BOOST } from './recurrence.js';
import { ONSET_SEASONALITY, SEASONALITY, type Season } from './seasonality.js';
import { drawSpectrum, trueLogitOf, type Spectrum } from './true-associations.js';
import { buildWorldFindings, type WorldFindings } from './world-findings.js';
import { FOLLOWED_CONDITIONS, WORLD_PARAMS } from './world-params.js';

export { findingPossible, type WorldFinding } from './world-findings.js';
export type { AcuteTables } from './acute-tables.js';

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

/** A true-world odds ratio on a condition's rate: a chronic condition or a patient attribute. */
export interface TrueRiskFactor {
  index: number;
  oddsRatio: number;
}

export interface WorldCondition {
  index: number;
  condition: Condition;
  spectrum: Spectrum;
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
  /** Attribute findings (indexes) the true world links to this condition beyond the KB. */
  attributeRiskFactors: readonly TrueRiskFactor[];
  /** Seasonal rate multiplier by calendar month (0 = January), mean 1; undefined when not seasonal. */
  seasonByMonth: Float64Array | undefined;
  /** True chronic risk factors (condition indexes), and the KB's acute ones (episode in the past year). */
  chronicRiskFactors: readonly TrueRiskFactor[];
  acuteRiskFactors: readonly TrueRiskFactor[];
  /** How much more (or less) often the condition reaches this practice than the KB prior says. */
  caseMix: number;
  /** Exposure clusters (indexes in `WorldModel.clusters`) that multiply its rate. */
  clusters: readonly number[];
  recurrenceBoost: number;
  recurrent: boolean;
  recurs: boolean;
  followed: boolean;
  /** No new episodes after menopause. */
  premenopausal: boolean;
  treatments: TreatmentOptions;
}

export interface WorldModel extends WorldFindings {
  kb: KnowledgeBase;
  worldSeed: number;
  conditions: readonly WorldCondition[];
  conditionIndex: ReadonlyMap<string, number>;
  clusters: readonly ExposureCluster[];
  /** Per cluster: the attribute finding index that raises it, if any. */
  clusterAttribute: readonly (number | undefined)[];
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
}

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

function seasonCurve(season: Season): Float64Array {
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

const meanPrior = (c: Condition): number =>
  (['female', 'male'] as const).reduce(
    (sum, sex) => sum + Object.values(c.prior[sex]).reduce((a, b) => a + b, 0),
    0,
  );

export function createWorldModel({
  kb,
  worldSeed,
}: {
  kb: KnowledgeBase;
  worldSeed: number;
}): WorldModel {
  const random = createRandom('world', worldSeed, kb.version);
  const worldFindings = buildWorldFindings(kb);
  const { findings, findingIndex } = worldFindings;
  const clusters = EXPOSURE_CLUSTERS;
  const premenopausal = new Set(PREMENOPAUSAL_CONDITIONS);

  const conditions: WorldCondition[] = kb.conditions.map((condition, index) => {
    const spectrum = drawSpectrum(random);
    const associations: TrueAssociation[] = [];
    const typical: number[] = [];
    const attributeEffects: WorldCondition['attributeEffects'][number][] = [];
    for (const a of kb.associationsOf(condition.id)) {
      const fi = findingIndex.get(a.finding);
      if (fi === undefined) {
        continue;
      }
      const share = ATTRIBUTE_SHARE[a.finding];
      if (share !== undefined) {
        // How a patient fact changes the rate: KB likelihood with noise (no presentation spectrum).
        const x = logit(a.likelihood) + random.normal() * WORLD_PARAMS.likelihoodNoiseSd;
        attributeEffects.push({
          finding: a.finding,
          index: fi,
          likelihood: Math.min(0.995, Math.max(0.001, sigmoid(x))),
          share,
        });
      } else {
        associations.push({
          finding: fi,
          kbLikelihood: a.likelihood,
          trueLogit: trueLogitOf(a, spectrum, random),
        });
      }
      if (a.likelihood >= WORLD_PARAMS.negatives.typicalLikelihood) {
        typical.push(fi);
      }
    }
    const listed = new Set(kb.associationsOf(condition.id).map((a) => a.finding));
    for (const h of drawHiddenAssociations(condition, listed, random)) {
      const fi = findingIndex.get(h.finding);
      if (fi !== undefined) {
        associations.push({ finding: fi, kbLikelihood: 0, trueLogit: logit(h.likelihood) });
      }
    }
    const seasonal = SEASONALITY[condition.id] ?? ONSET_SEASONALITY[condition.id];
    const treatments = kb.treatmentsOf(condition.id);
    const byLine = (line: 'first' | 'second' | 'symptomatic'): Drug[] =>
      treatments.filter((t) => t.line === line).flatMap((t) => resolveDrugs(kb, t.drugs));
    const sd = WORLD_PARAMS.caseMixSd;
    return {
      index,
      condition,
      spectrum,
      associations,
      typical,
      attributeEffects,
      attributeRiskFactors: [],
      seasonByMonth: seasonal && seasonCurve(seasonal),
      chronicRiskFactors: [],
      acuteRiskFactors: [],
      caseMix: condition.course === 'acute' ? Math.exp(random.normal() * sd - (sd * sd) / 2) : 1,
      clusters: clusters.flatMap((c, ci) => (c.members.includes(condition.id) ? [ci] : [])),
      recurrenceBoost: RECURRENCE_BOOST[condition.id] ?? 1,
      recurrent: condition.id in RECURRENCE_BOOST,
      recurs: !NO_RECURRENCE.includes(condition.id),
      followed: FOLLOWED_CONDITIONS.includes(condition.id),
      premenopausal: premenopausal.has(condition.id),
      treatments: {
        first: byLine('first'),
        second: byLine('second'),
        symptomatic: byLine('symptomatic'),
      },
    };
  });
  const conditionIndex = new Map(conditions.map((c) => [c.condition.id, c.index]));
  for (const c of conditions) {
    const chronic: TrueRiskFactor[] = [];
    const acute: TrueRiskFactor[] = [];
    for (const rf of c.condition.riskFactors) {
      const index = conditionIndex.get(rf.condition);
      const course = index === undefined ? undefined : kb.conditions[index]?.course;
      if (index === undefined) {
        continue;
      }
      const deviation = random.normal() * WORLD_PARAMS.riskFactorNoiseSd;
      (course === 'chronic' ? chronic : acute).push({
        index,
        oddsRatio: Math.exp(Math.log(rf.oddsRatio) + deviation),
      });
    }
    const attributes: TrueRiskFactor[] = [];
    for (const h of HIDDEN_RISK_FACTORS.filter((x) => x.condition === c.condition.id)) {
      const rfCondition = conditionIndex.get(h.riskFactor);
      const rfFinding = findingIndex.get(h.riskFactor);
      if (rfCondition !== undefined) {
        chronic.push({ index: rfCondition, oddsRatio: h.oddsRatio });
      } else if (rfFinding !== undefined) {
        attributes.push({ index: rfFinding, oddsRatio: h.oddsRatio });
      }
    }
    c.chronicRiskFactors = chronic;
    c.acuteRiskFactors = acute;
    c.attributeRiskFactors = attributes;
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

  const acute = conditions.filter((c) => c.condition.course === 'acute');
  // The case mix moves presentations between conditions; the practice's total stays the KB's.
  const before = acute.reduce((sum, c) => sum + meanPrior(c.condition), 0);
  const after = acute.reduce((sum, c) => sum + meanPrior(c.condition) * c.caseMix, 0);
  for (const c of acute) {
    c.caseMix *= before / after;
  }
  return {
    kb,
    worldSeed,
    ...worldFindings,
    conditions,
    conditionIndex,
    clusters,
    clusterAttribute: clusters.map((c) =>
      c.attribute === undefined ? undefined : findingIndex.get(c.attribute.finding),
    ),
    acute: acute.map((c) => c.index),
    acuteTables: buildAcuteTables(acute),
    chronicOrder: ordered.map((c) => conditionIndex.get(c.id) ?? -1).filter((i) => i >= 0),
    chronicBase,
    alternatives,
  };
}
