/**
 * Preventive-care gaps: the USPSTF A/B and ACIP services a patient is eligible for, split into open
 * (never done, or overdue) and satisfied, each with its due date.
 */
import { z } from 'zod';
import type { KnowledgeBase, PreventiveService, Sex } from '../kb/index.js';
import { SexSchema } from '../kb/schema.js';
import { addMonths, dayOf, isoDay, parseDay, type LastDone } from './care-dates.js';

export const CareGapsPatientSchema = z.object({
  age: z.number().int().min(0).max(130),
  sex: SexSchema,
  /** Problem-list condition ids. */
  conditions: z.array(z.string().min(1)).max(500),
  /** History findings (e.g. `current-smoker`). */
  historyFindings: z.array(z.string().min(1)).max(500),
});

export interface CareGapsPatient {
  age: number;
  sex: Sex;
  conditions: readonly string[];
  historyFindings: readonly string[];
}

export interface CareGapsInput {
  kb: Pick<KnowledgeBase, 'preventiveServices' | 'version'>;
  patient: CareGapsPatient;
  lastDone: LastDone;
  now: Date;
}

export type CareGapStatus = 'due' | 'overdue' | 'satisfied';

export interface CareGap {
  serviceId: string;
  title: string;
  grade: PreventiveService['grade'];
  year: number;
  sources: readonly string[];
  /** `due`: never done; `overdue`: done, but the interval has lapsed; `satisfied`: up to date. */
  status: CareGapStatus;
  /**
   * Open: when it fell due (today if never done). Satisfied: when it is next due, or null for
   * once-only services.
   */
  dueDate: string | null;
  /** The most recent qualifying test, when there is one. */
  lastDone?: { testId: string; date: string };
  satisfiedBy: readonly string[];
}

export interface CareGapsResult {
  open: readonly CareGap[];
  satisfied: readonly CareGap[];
  kbVersion: string;
}

/** Conditions and findings qualify together: either a listed condition or a listed finding. */
export function isEligible(service: PreventiveService, patient: CareGapsPatient): boolean {
  const pop = service.population;
  const qualifiers = [...pop.anyConditions, ...pop.anyFindings];
  return (
    patient.age >= pop.minAge &&
    patient.age <= (pop.maxAge ?? Number.POSITIVE_INFINITY) &&
    (pop.sex === undefined || pop.sex === patient.sex) &&
    (qualifiers.length === 0 ||
      pop.anyConditions.some((c) => patient.conditions.includes(c)) ||
      pop.anyFindings.some((f) => patient.historyFindings.includes(f))) &&
    !pop.excludeConditions.some((c) => patient.conditions.includes(c))
  );
}

interface Coverage {
  testId: string;
  done: number;
  /** Day the coverage lapses; infinite for once-only services. */
  until: number;
}

function bestCoverage(
  service: PreventiveService,
  options: { lastDone: LastDone; today: number },
): Coverage | undefined {
  let best: Coverage | undefined;
  for (const testId of service.satisfiedBy) {
    const last = options.lastDone[testId];
    if (last === undefined) {
      continue;
    }
    const done = Math.min(parseDay(last, `lastDone.${testId}`), options.today);
    const months = service.testIntervalMonths[testId] ?? service.intervalMonths;
    const until = months === undefined ? Number.POSITIVE_INFINITY : addMonths(done, months);
    if (!best || until > best.until || (until === best.until && done > best.done)) {
      best = { testId, done, until };
    }
  }
  return best;
}

export function careGaps(input: CareGapsInput): CareGapsResult {
  const today = dayOf(input.now);
  const open: CareGap[] = [];
  const satisfied: CareGap[] = [];
  for (const service of input.kb.preventiveServices) {
    if (!isEligible(service, input.patient)) {
      continue;
    }
    const coverage = bestCoverage(service, { lastDone: input.lastDone, today });
    const base = {
      serviceId: service.id,
      title: service.title,
      grade: service.grade,
      year: service.year,
      sources: service.sources,
      satisfiedBy: service.satisfiedBy,
      ...(coverage ? { lastDone: { testId: coverage.testId, date: isoDay(coverage.done) } } : {}),
    };
    if (!coverage) {
      open.push({ ...base, status: 'due', dueDate: isoDay(today) });
    } else if (coverage.until <= today) {
      open.push({ ...base, status: 'overdue', dueDate: isoDay(coverage.until) });
    } else {
      const next = Number.isFinite(coverage.until) ? isoDay(coverage.until) : null;
      satisfied.push({ ...base, status: 'satisfied', dueDate: next });
    }
  }
  const byDue = (x: CareGap, y: CareGap): number =>
    (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') ||
    x.serviceId.localeCompare(y.serviceId);
  return { open: open.sort(byDue), satisfied: satisfied.sort(byDue), kbVersion: input.kb.version };
}
