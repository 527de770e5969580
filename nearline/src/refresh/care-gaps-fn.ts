/**
 * The shared care-gap engine (`careGaps` from `@mediassist/shared/care`) as the `care_gaps` view
 * stores it: open services with the date each fell due — null when never done, since the engine's
 * "due today" for a service never done is not a date it became due. For a patient whose recorded sex
 * is other or unknown, only services without a sex criterion are evaluated.
 */
import { careGaps } from '@mediassist/shared/care';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { CareGapsFn } from './derive-features.js';
import { LIST_LIMITS } from './nearline-views.js';

export function createCareGapsFn(
  kb: Pick<KnowledgeBase, 'preventiveServices' | 'version'>,
): CareGapsFn {
  const sexNeutral = {
    version: kb.version,
    preventiveServices: kb.preventiveServices.filter((s) => s.population.sex === undefined),
  };
  return ({ age, sex, conditions, historyFindings, lastDone, now }) => {
    const known = sex === 'female' || sex === 'male';
    const result = careGaps({
      kb: known ? kb : sexNeutral,
      patient: {
        age: Math.max(0, Math.min(130, age)),
        sex: known ? sex : 'female',
        conditions,
        historyFindings,
      },
      lastDone,
      now,
    });
    return {
      open: result.open.slice(0, LIST_LIMITS.careGaps).map((gap) => ({
        serviceId: gap.serviceId,
        dueSince: gap.status === 'overdue' ? gap.dueDate : null,
      })),
    };
  };
}
