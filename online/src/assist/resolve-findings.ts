/**
 * The request's findings as knowledge-base ids: ids and codes given directly, findings read from the
 * free text (negations become absent), and threshold findings from measured vitals. A finding both
 * present and absent counts as present (as in the guideline engine). An unknown KB id is a client
 * error (400); a code the KB lacks is reported as unresolved, not refused.
 */
import type { AssistRequest } from '@mediassist/shared/api';
import { AppError, type ErrorDetail } from '@mediassist/shared/errors';
import type { KbRef } from '@mediassist/shared/events';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { ExtractedFindings } from '@mediassist/shared/text';
import type { VitalFindings } from './vital-findings.js';

export interface ResolvedFindings {
  present: string[];
  absent: string[];
  possible: string[];
  unresolved: ErrorDetail[];
}

export interface ResolveFindingsOptions {
  kb: Pick<KnowledgeBase, 'finding' | 'findingByCode'>;
  request: Pick<AssistRequest, 'findings' | 'text' | 'vitals'>;
  extractText: (text: string) => ExtractedFindings;
  vitalFindings: (vitals: AssistRequest['vitals']) => VitalFindings;
}

export function resolveFindings(options: ResolveFindingsOptions): ResolvedFindings {
  const { kb, request, extractText, vitalFindings } = options;
  const unknown: ErrorDetail[] = [];
  const unresolved: ErrorDetail[] = [];
  const resolve = (refs: readonly KbRef[], path: string): string[] =>
    refs.flatMap((ref, i) => {
      const at = `${path}.${String(i)}`;
      if (typeof ref === 'string') {
        if (kb.finding(ref)) {
          return [ref];
        }
        unknown.push({ path: `json.${at}`, issue: 'unknown_kb_id' });
        return [];
      }
      const hit = kb.findingByCode(ref.system, ref.code);
      if (hit) {
        return [hit.id];
      }
      unresolved.push({ path: at, issue: 'code_not_in_kb' });
      return [];
    });
  const present = resolve(request.findings.present, 'findings.present');
  const absent = resolve(request.findings.absent, 'findings.absent');
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Unknown knowledge-base finding id', {
      details: unknown,
    });
  }
  const text: ExtractedFindings =
    request.text === undefined || request.text.trim() === ''
      ? { present: [], absent: [], possible: [] }
      : extractText(request.text);
  const vitals = vitalFindings(request.vitals);
  unresolved.push(...vitals.unresolved);
  const presentSet = new Set([...present, ...text.present, ...vitals.present]);
  const absentSet = new Set(
    [...absent, ...text.absent, ...vitals.absent].filter((id) => !presentSet.has(id)),
  );
  const possible = text.possible.filter((id) => !presentSet.has(id) && !absentSet.has(id));
  return {
    present: [...presentSet].sort(),
    absent: [...absentSet].sort(),
    possible,
    unresolved,
  };
}
