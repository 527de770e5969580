/**
 * One differential item with its evidence: the present findings that support the condition
 * (likelihood ratio > 1) or argue against it (present but rare), the typical findings that are
 * absent, and the KB sources behind the condition and that evidence. Ratios are rounded once per
 * knowledge base (diagnosis-index.ts); only listed conditions are ever described.
 */
import type { DiagnosisIndex } from './diagnosis-index.js';
import { round4 } from './round4.js';
import type { ArguingAgainst, DifferentialItem, EvidenceItem } from './types.js';

export interface DescribeConditionArgs {
  /** The condition's index in the knowledge base. */
  i: number;
  because: DifferentialItem['listedBecause'];
  present: readonly string[];
  absent: readonly string[];
  /** Its posterior (rounded to 4 places in the item). */
  p: number;
}

/** A condition's evidence as answers show it (finding ids under `findingId`). */
export interface ConditionEvidence {
  supporting: { findingId: string; display: string; likelihoodRatio: number }[];
  against: {
    findingId: string;
    display: string;
    likelihoodRatio: number;
    reason: ArguingAgainst['reason'];
  }[];
  sources: string[];
}

/**
 * The evidence of `describeCondition` without the rest of the item: supporting findings by
 * likelihood ratio (highest first), those against by ratio (lowest first), ties by finding id.
 */
export function describeEvidence(
  index: DiagnosisIndex,
  { i, present, absent }: Pick<DescribeConditionArgs, 'i' | 'present' | 'absent'>,
): ConditionEvidence {
  const notes = index.notes[i];
  const ownSources = index.conditionSources[i];
  if (!notes || !ownSources) {
    throw new Error(`no condition at ${String(i)}`);
  }
  const supporting: ConditionEvidence['supporting'] = [];
  const against: ConditionEvidence['against'] = [];
  let sources: Set<string> | undefined;
  const cite = (more: readonly string[]): void => {
    for (const s of more) {
      if (!ownSources.includes(s)) {
        sources ??= new Set(ownSources);
        sources.add(s);
      }
    }
  };
  for (const id of present) {
    const note = notes.get(id);
    if (!note) {
      continue;
    }
    if (note.presentSupports) {
      supporting.push({ findingId: id, display: note.display, likelihoodRatio: note.presentLr });
    } else {
      against.push({
        findingId: id,
        display: note.display,
        likelihoodRatio: note.presentLr,
        reason: 'present-but-rare',
      });
    }
    cite(note.sources);
  }
  for (const id of absent) {
    const note = notes.get(id);
    if (note?.absentLr !== undefined) {
      against.push({
        findingId: id,
        display: note.display,
        likelihoodRatio: note.absentLr,
        reason: 'absent',
      });
      cite(note.sources);
    }
  }
  if (supporting.length > 1) {
    supporting.sort(
      (a, b) => b.likelihoodRatio - a.likelihoodRatio || a.findingId.localeCompare(b.findingId),
    );
  }
  if (against.length > 1) {
    against.sort(
      (a, b) => a.likelihoodRatio - b.likelihoodRatio || a.findingId.localeCompare(b.findingId),
    );
  }
  return { supporting, against, sources: sources ? [...sources].sort() : [...ownSources] };
}

export function describeCondition(
  index: DiagnosisIndex,
  { i, because, present, absent, p }: DescribeConditionArgs,
): DifferentialItem {
  const condition = index.conditions[i];
  if (!condition) {
    throw new Error(`no condition at ${String(i)}`);
  }
  const { supporting, against, sources } = describeEvidence(index, { i, present, absent });
  return {
    condition: condition.id,
    display: condition.display,
    label: `Consider ${condition.display}`,
    probability: round4(p),
    urgency: condition.urgency,
    cantMiss: condition.cantMiss,
    listedBecause: because,
    supporting: supporting.map((e): EvidenceItem => ({
      finding: e.findingId,
      display: e.display,
      likelihoodRatio: e.likelihoodRatio,
    })),
    against: against.map((e): ArguingAgainst => ({
      finding: e.findingId,
      display: e.display,
      likelihoodRatio: e.likelihoodRatio,
      reason: e.reason,
    })),
    sources,
  };
}
