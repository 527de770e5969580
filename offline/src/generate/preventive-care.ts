/**
 * Preventive services at a wellness visit (preventive-services.json, USPSTF A/B and ACIP): a due,
 * applicable service is done with the patient's uptake (adherence latent × service kind), and
 * recorded as the KB test that satisfies it — an Immunization (CVX), a lab Observation (LOINC), a
 * scored questionnaire (LOINC, `survey`) or a Procedure (SNOMED/CPT). Undone services stay open gaps.
 */
import { CODE_SYSTEMS, type PreventiveService, type Test } from '@mediassist/shared/kb';
import type { PreventiveRecord } from './encounter-facts.js';
import { MEASUREMENT_BY_LOINC } from './measurements.js';
import type { Random } from './random.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

const MONTH_MS = 30.44 * 86_400_000;

/** Questionnaire scores (LOINC total-score codes): normal range, and range when the condition is present. */
const SCORES: Readonly<
  Record<string, { normal: [number, number]; affected: [number, number]; when: readonly string[] }>
> = {
  '44261-6': { normal: [0, 6], affected: [10, 22], when: ['depression'] },
  '55758-7': { normal: [0, 2], affected: [3, 6], when: ['depression'] },
  '70274-6': { normal: [0, 5], affected: [10, 19], when: ['generalised-anxiety-disorder'] },
  '75626-2': {
    normal: [0, 3],
    affected: [5, 11],
    when: ['alcohol-use-disorder', 'heavy-alcohol-use'],
  },
  '72172-0': { normal: [26, 30], affected: [12, 23], when: ['dementia'] },
};

export interface PreventiveContext {
  world: WorldModel;
  sex: 'female' | 'male';
  age: number;
  ms: number;
  /** Active chronic condition ids and present attribute finding ids on the day. */
  conditions: ReadonlySet<string>;
  attributes: ReadonlySet<string>;
  adherence: number;
  /** When each service was last satisfied (mutated as services are done). */
  lastDone: Map<string, number>;
  /** Measured value of a LOINC for this patient today. */
  measure: (loinc: string) => number | undefined;
  random: Random;
}

/** As `isEligible` (shared/src/care/care-gaps.ts): a listed condition or a listed finding qualifies. */
function applies(s: PreventiveService, ctx: PreventiveContext): boolean {
  const p = s.population;
  return (
    (p.sex === undefined || p.sex === ctx.sex) &&
    ctx.age >= p.minAge &&
    (p.maxAge === undefined || ctx.age <= p.maxAge) &&
    ((p.anyConditions.length === 0 && p.anyFindings.length === 0) ||
      p.anyConditions.some((c) => ctx.conditions.has(c)) ||
      p.anyFindings.some((f) => ctx.attributes.has(f))) &&
    !p.excludeConditions.some((c) => ctx.conditions.has(c))
  );
}

function due(s: PreventiveService, ctx: PreventiveContext): boolean {
  const last = ctx.lastDone.get(s.id);
  if (last === undefined) {
    return true;
  }
  return s.intervalMonths !== undefined && ctx.ms - last >= s.intervalMonths * MONTH_MS * 0.95;
}

function record(
  service: PreventiveService,
  test: Test,
  ctx: PreventiveContext,
): PreventiveRecord[] {
  const base = { serviceId: service.id, testId: test.id, display: test.display };
  const cvx = test.codes.find((c) => c.system === CODE_SYSTEMS.cvx);
  if (test.kind === 'immunization' || cvx) {
    return [
      {
        resource: 'Immunization',
        ...base,
        coding: cvx ?? test.codes[0] ?? { system: CODE_SYSTEMS.cvx, code: 'unknown' },
      },
    ];
  }
  const loincs = test.codes.filter((c) => c.system === CODE_SYSTEMS.loinc);
  if (test.kind === 'lab') {
    const quantities = loincs.filter((c) => MEASUREMENT_BY_LOINC.has(c.code));
    if (quantities.length > 0) {
      return quantities.flatMap((coding) => {
        const spec = MEASUREMENT_BY_LOINC.get(coding.code);
        const value = ctx.measure(coding.code);
        return spec && value !== undefined
          ? [
              {
                resource: 'Observation',
                ...base,
                display: spec.display,
                coding: { system: coding.system, code: coding.code, display: spec.display },
                category: 'laboratory',
                value: { kind: 'quantity', value, unit: spec.unit },
              } satisfies PreventiveRecord,
            ]
          : [];
      });
    }
    const first = loincs[0];
    if (first) {
      return [
        {
          resource: 'Observation',
          ...base,
          coding: first,
          category: 'laboratory',
          value: { kind: 'qualitative', positive: false },
        },
      ];
    }
  }
  if (test.kind === 'screening-tool') {
    const scored = loincs.find((c) => c.code in SCORES);
    const score = scored && SCORES[scored.code];
    if (scored && score) {
      const affected = score.when.some((w) => ctx.conditions.has(w) || ctx.attributes.has(w));
      const [lo, hi] = affected ? score.affected : score.normal;
      const value = lo + ctx.random.int(hi - lo + 1);
      return [
        {
          resource: 'Observation',
          ...base,
          coding: scored,
          category: 'survey',
          value: { kind: 'quantity', value, unit: '{score}' },
        },
      ];
    }
  }
  if (
    test.kind === 'exam' &&
    loincs.some((c) => ['85354-9', '8480-6', '39156-5', '59408-5'].includes(c.code))
  ) {
    // Satisfied by the vital signs every wellness visit records.
    return [];
  }
  const coding =
    test.codes.find((c) => c.system === CODE_SYSTEMS.snomed || c.system === CODE_SYSTEMS.cpt) ??
    test.codes[0];
  return coding ? [{ resource: 'Procedure', ...base, coding }] : [];
}

/** The services done at this wellness visit (and `lastDone` updated for them). */
export function preventiveCareAt(ctx: PreventiveContext): PreventiveRecord[] {
  const { world, random } = ctx;
  const done: PreventiveRecord[] = [];
  for (const service of world.kb.preventiveServices) {
    if (!applies(service, ctx) || !due(service, ctx)) {
      continue;
    }
    const test = service.satisfiedBy.map((id) => world.kb.test(id)).find((t) => t !== undefined);
    if (!test) {
      continue;
    }
    const uptake =
      service.grade === 'ACIP'
        ? WORLD_PARAMS.preventiveUptake.immunization
        : WORLD_PARAMS.preventiveUptake.screening;
    if (!random.chance(Math.min(0.97, uptake * (0.45 + ctx.adherence)))) {
      continue;
    }
    ctx.lastDone.set(service.id, ctx.ms);
    done.push(...record(service, test, ctx));
  }
  return done;
}
