/**
 * The `care_gaps` view value from the shared care engine (`careGaps`, USPSTF/ACIP rules in the KB):
 * open services with the date they fell due — null when never done (the engine would say "today",
 * which is when it was computed, not when it became due).
 */
import { careGaps, type CareGapsPatient } from '@mediassist/shared/care';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type {
  FeatureValueOf,
  careGaps as careGapsView,
} from '@mediassist/feature-store/definitions';

export type CareGapsValue = FeatureValueOf<typeof careGapsView>;

const MAX_OPEN = 100;

export function careGapsValue(options: {
  kb: Pick<KnowledgeBase, 'preventiveServices' | 'version'>;
  patient: CareGapsPatient;
  lastDone: Readonly<Record<string, string>>;
  now: Date;
}): CareGapsValue {
  const { open } = careGaps(options);
  return {
    open: open.slice(0, MAX_OPEN).map((gap) => ({
      serviceId: gap.serviceId,
      dueSince: gap.status === 'overdue' ? gap.dueDate : null,
    })),
  };
}
