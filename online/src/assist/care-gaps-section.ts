/**
 * Open preventive-care gaps for the answer: the stored care_gaps view when it could be read;
 * otherwise computed by the guideline engine (`careGaps`) from stored demographics, history and
 * tests, or — when those are unknown — from the request's age and sex alone (then services already
 * done elsewhere may show as due, and the section says so through its `source`).
 */
import type { AssistResponse } from '@mediassist/shared/api';
import { careGaps } from '@mediassist/shared/care';
import type { KnowledgeBase, PreventiveService } from '@mediassist/shared/kb';
import type { PatientContext } from '../features/patient-context.js';

export type CareGapsSection = AssistResponse['careGaps'];

export function createCareGapsSection(
  kb: Pick<KnowledgeBase, 'preventiveServices' | 'version'>,
): (options: { context: PatientContext; now: Date }) => CareGapsSection {
  const services = new Map<string, PreventiveService>(kb.preventiveServices.map((s) => [s.id, s]));
  return ({ context, now }) => {
    if (context.careGapsOpen !== null) {
      return {
        source: 'feature-view',
        items: context.careGapsOpen.flatMap((gap) => {
          const service = services.get(gap.serviceId);
          return service
            ? [
                {
                  serviceId: service.id,
                  title: service.title,
                  grade: service.grade,
                  year: service.year,
                  status: 'open' as const,
                  dueSince: gap.dueSince,
                  sources: [...service.sources],
                },
              ]
            : [];
        }),
      };
    }
    const { age, sex } = context;
    if (age === null || (sex !== 'female' && sex !== 'male')) {
      return { source: 'unavailable', items: [] };
    }
    const result = careGaps({
      kb,
      patient: {
        age,
        sex,
        conditions: [...context.chronic, ...context.recentAcute],
        historyFindings: context.recentFindings,
      },
      lastDone: context.lastDone ?? {},
      now,
    });
    return {
      source: context.historyKnown ? 'computed-from-features' : 'computed-from-request',
      items: result.open.map((gap) => ({
        serviceId: gap.serviceId,
        title: gap.title,
        grade: gap.grade,
        year: gap.year,
        status: gap.status === 'overdue' ? ('overdue' as const) : ('due' as const),
        dueSince: gap.dueDate,
        sources: [...gap.sources],
      })),
    };
  };
}
