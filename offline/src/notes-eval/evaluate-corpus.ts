/**
 * Runs the extractor over every note of a corpus and scores it against the same source's coded
 * facts: precision / recall / F1 per kind (micro-averaged over notes), negation accuracy, the most
 * frequent misses and false alarms (codes only, never text), and the time per note. The extractor is
 * given the patient's age when the source has it (as the assist and summarize routes pass the
 * request's age), so children's vital signs are read against children's cut-offs; the findings are
 * also scored without it (the extractor then reads the age from the note, or uses adult cut-offs).
 */
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { TextExtractor } from '@mediassist/shared/text';
import { emptyPatientRecord, type NoteCorpus, type OutsideKb } from './clinical-record.js';
import {
  addCounts,
  compareSets,
  scoresOf,
  zeroCounts,
  type Counts,
  type Scores,
} from './metrics.js';
import { notePrediction } from './note-prediction.js';
import { noteTruth, type FindingSets, type TruthRule } from './note-truth.js';

export interface FindingScores {
  present: Scores;
  absent: Scores;
  /** Present and absent labels together (a finding with the wrong status is a miss and a false alarm). */
  combined: Scores;
  /** Of the findings found (in the truth with either status), the share with the right status. */
  negationAccuracy: number | null;
  found: number;
}

export const SCORED_KINDS = [
  'findings',
  'documentedFindings',
  'conditions',
  'medications',
  'allergies',
] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

/** The most frequent codes of each kind's false positives and false negatives, with counts. */
export type ErrorTally = Record<
  ScoredKind,
  { falsePositives: [string, number][]; falseNegatives: [string, number][] }
>;

export interface SourceReport {
  rule: TruthRule;
  notes: number;
  patients: number;
  outsideKb: OutsideKb;
  /** Undefined when the source records no findings (Synthea). */
  findings: FindingScores | undefined;
  /** `findings` when the extractor is not given the age (as `POST /summarize` without `ageYears`). */
  findingsAgeNotPassed: FindingScores | undefined;
  documentedFindings: FindingScores | undefined;
  conditions: Scores;
  medications: Scores;
  allergies: Scores;
  errors: ErrorTally;
  msPerNote: { p50: number; p95: number };
}

interface FindingTally {
  present: Counts;
  absent: Counts;
  found: number;
  rightStatus: number;
  seen: boolean;
}

const newFindingTally = (): FindingTally => ({
  present: zeroCounts(),
  absent: zeroCounts(),
  found: 0,
  rightStatus: 0,
  seen: false,
});

function tallyFindings(
  tally: FindingTally,
  options: {
    predicted: FindingSets;
    truth: FindingSets;
    /** False positives and false negatives by code, when wanted. */
    errors?: [Map<string, number>, Map<string, number>];
  },
): void {
  const { predicted, truth, errors } = options;
  tally.seen = true;
  const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (const label of ['present', 'absent'] as const) {
    const c = compareSets(predicted[label], truth[label]);
    addCounts(tally[label], c);
    if (errors) {
      c.falsePositives.forEach((id) => count(errors[0], `${id} (${label})`));
      c.falseNegatives.forEach((id) => count(errors[1], `${id} (${label})`));
    }
  }
  for (const id of [...predicted.present, ...predicted.absent]) {
    const truthStatus = truth.present.has(id)
      ? 'present'
      : truth.absent.has(id)
        ? 'absent'
        : undefined;
    if (truthStatus !== undefined) {
      tally.found += 1;
      tally.rightStatus += (truthStatus === 'present') === predicted.present.has(id) ? 1 : 0;
    }
  }
}

function findingScores(t: FindingTally): FindingScores | undefined {
  if (!t.seen) {
    return undefined;
  }
  const combined = zeroCounts();
  addCounts(combined, t.present);
  addCounts(combined, t.absent);
  return {
    present: scoresOf(t.present),
    absent: scoresOf(t.absent),
    combined: scoresOf(combined),
    negationAccuracy: t.found === 0 ? null : t.rightStatus / t.found,
    found: t.found,
  };
}

const TOP_ERRORS = 8;

const top = (m: ReadonlyMap<string, number>): [string, number][] =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_ERRORS);

function percentile(sorted: readonly number[], p: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return Math.round(value * 100) / 100;
}

export interface EvaluateCorpusOptions {
  corpus: NoteCorpus;
  rule: TruthRule;
  extractor: TextExtractor;
  kb: KnowledgeBase;
  signal?: AbortSignal | undefined;
  onNote?: () => void;
}

export function evaluateCorpus(options: EvaluateCorpusOptions): SourceReport {
  const { corpus, rule, extractor, kb, signal, onNote } = options;
  const errors = Object.fromEntries(
    SCORED_KINDS.map((k) => [k, [new Map<string, number>(), new Map<string, number>()]]),
  ) as Record<ScoredKind, [Map<string, number>, Map<string, number>]>;
  const findings = newFindingTally();
  const withoutAge = newFindingTally();
  const documented = newFindingTally();
  const sets = { conditions: zeroCounts(), medications: zeroCounts(), allergies: zeroCounts() };
  const times: number[] = [];

  for (const note of corpus.notes) {
    signal?.throwIfAborted();
    const record = corpus.patients.get(note.patient) ?? emptyPatientRecord();
    const truth = noteTruth({ rule, note, record, kb });
    const started = performance.now();
    const summary = extractor.summarize(
      note.text,
      note.ageYears === undefined ? {} : { ageYears: note.ageYears },
    );
    times.push(performance.now() - started);
    const predicted = notePrediction(summary, rule);
    if (truth.findings && truth.documentedFindings) {
      tallyFindings(findings, {
        predicted: predicted.findings,
        truth: truth.findings,
        errors: errors.findings,
      });
      const noAge =
        note.ageYears === undefined
          ? predicted
          : notePrediction(extractor.summarize(note.text), rule);
      tallyFindings(withoutAge, { predicted: noAge.findings, truth: truth.findings });
      tallyFindings(documented, {
        predicted: predicted.documentedFindings,
        truth: truth.documentedFindings,
        errors: errors.documentedFindings,
      });
    }
    for (const kind of ['conditions', 'medications', 'allergies'] as const) {
      const c = compareSets(predicted[kind], truth[kind]);
      addCounts(sets[kind], c);
      const [fps, fns] = errors[kind];
      // RxCUIs are shown with the KB drug name; condition ids and allergy keys read as they are.
      const label = (id: string): string =>
        kind === 'medications' ? `${kb.drugByRxcui(id)?.name ?? '?'} (${id})` : id;
      c.falsePositives.forEach((id) => fps.set(label(id), (fps.get(label(id)) ?? 0) + 1));
      c.falseNegatives.forEach((id) => fns.set(label(id), (fns.get(label(id)) ?? 0) + 1));
    }
    onNote?.();
  }
  times.sort((a, b) => a - b);
  return {
    rule,
    notes: corpus.notes.length,
    patients: new Set(corpus.notes.map((n) => n.patient)).size,
    outsideKb: corpus.outsideKb,
    findings: findingScores(findings),
    findingsAgeNotPassed: findingScores(withoutAge),
    documentedFindings: findingScores(documented),
    conditions: scoresOf(sets.conditions),
    medications: scoresOf(sets.medications),
    allergies: scoresOf(sets.allergies),
    errors: Object.fromEntries(
      SCORED_KINDS.map((k) => [
        k,
        { falsePositives: top(errors[k][0]), falseNegatives: top(errors[k][1]) },
      ]),
    ) as ErrorTally,
    msPerNote: { p50: percentile(times, 0.5), p95: percentile(times, 0.95) },
  };
}
