/**
 * The `evaluate-notes` job's work: read each source's notes and facts, run the extractor, print the
 * table, and return the metrics (rounded) for the CLI's last JSON line.
 */
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import type { TextExtractor } from '@mediassist/shared/text';
import type { ProgressFactory } from '../io/progress.js';
import type { LakeLayout } from '../lake/lake-layout.js';
import type { NoteCorpus } from './clinical-record.js';
import {
  evaluateCorpus,
  SCORED_KINDS,
  type FindingScores,
  type ScoredKind,
  type SourceReport,
} from './evaluate-corpus.js';
import { readExportCorpus } from './export-corpus.js';
import { readLakeCorpus } from './lake-corpus.js';
import type { Scores } from './metrics.js';
import { PRECISION_ONLY, type TruthRule } from './note-truth.js';
import { reportTable, type ReportSource } from './report-table.js';

/** The brief's acceptance bar on the generator's notes. */
export const TARGETS = { findingsF1: 0.85, medicationsF1: 0.85 } as const;

export type NotesLocation = { kind: 'export'; dir: string } | { kind: 'lake'; layout: LakeLayout };

export interface NotesSource {
  name: 'generated' | 'synthea';
  rule: TruthRule;
  location: NotesLocation;
}

export interface RunEvaluateNotesDeps {
  kb: KnowledgeBase;
  extractor: TextExtractor;
  logger: Logger;
  progress: ProgressFactory;
  signal: AbortSignal;
  /** Where the table goes (stdout in the CLI). */
  out: (text: string) => void;
}

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e4) / 1e4);

function scoresJson(s: Scores, precisionOnly: boolean) {
  return precisionOnly
    ? { precision: round(s.precision), tp: s.tp, fp: s.fp, recall: null, f1: null }
    : {
        precision: round(s.precision),
        recall: round(s.recall),
        f1: round(s.f1),
        tp: s.tp,
        fp: s.fp,
        fn: s.fn,
      };
}

function findingsJson(f: FindingScores | undefined) {
  return f === undefined
    ? null
    : {
        present: scoresJson(f.present, false),
        absent: scoresJson(f.absent, false),
        combined: scoresJson(f.combined, false),
        negationAccuracy: round(f.negationAccuracy),
        found: f.found,
      };
}

function sourceJson(source: ReportSource) {
  const r = source.report;
  const only = (kind: ScoredKind) => PRECISION_ONLY[r.rule].includes(kind);
  const targets =
    r.rule === 'generated'
      ? {
          findingsF1: TARGETS.findingsF1,
          medicationsF1: TARGETS.medicationsF1,
          met:
            (r.findings?.combined.f1 ?? 0) >= TARGETS.findingsF1 &&
            (r.medications.f1 ?? 0) >= TARGETS.medicationsF1,
        }
      : undefined;
  return {
    input: source.input,
    rule: r.rule,
    notes: r.notes,
    patients: r.patients,
    findings: findingsJson(r.findings),
    /** The same when the extractor is not given the patient's age (it reads it from the note). */
    findingsAgeNotPassed: findingsJson(r.findingsAgeNotPassed),
    findingsWordsOnly: findingsJson(r.documentedFindings),
    conditions: scoresJson(r.conditions, only('conditions')),
    medications: scoresJson(r.medications, only('medications')),
    allergies: scoresJson(r.allergies, only('allergies')),
    ...(targets ? { targets } : {}),
    msPerNote: r.msPerNote,
    outsideKb: r.outsideKb,
    topErrors: Object.fromEntries(
      SCORED_KINDS.map((k) => [
        k,
        {
          falsePositives: r.errors[k].falsePositives.slice(0, 5),
          falseNegatives: r.errors[k].falseNegatives.slice(0, 5),
        },
      ]),
    ),
  };
}

async function readCorpus(
  source: NotesSource,
  options: { kb: KnowledgeBase; limit: number | undefined; signal: AbortSignal },
): Promise<NoteCorpus> {
  const { location } = source;
  switch (location.kind) {
    case 'export':
      return readExportCorpus({ dir: location.dir, ...options });
    case 'lake':
      return readLakeCorpus({ layout: location.layout, ...options });
    default:
      return location satisfies never;
  }
}

export async function runEvaluateNotes(
  deps: RunEvaluateNotesDeps,
  options: { sources: readonly NotesSource[]; limit?: number | undefined },
) {
  const { kb, extractor, logger, progress, signal, out } = deps;
  const reports: ReportSource[] = [];
  for (const source of options.sources) {
    const input = source.location.kind === 'lake' ? 'lake' : source.location.dir;
    const corpus = await readCorpus(source, { kb, limit: options.limit, signal });
    logger.info(
      { source: source.name, notes: corpus.notes.length, outsideKb: corpus.outsideKb },
      'notes read',
    );
    const bar = progress({ label: source.name, total: corpus.notes.length, unit: 'notes' });
    try {
      const report: SourceReport = evaluateCorpus({
        corpus,
        rule: source.rule,
        extractor,
        kb,
        signal,
        onNote: () => {
          bar.increment(1);
        },
      });
      reports.push({ name: source.name, input, report });
    } finally {
      bar.stop();
    }
  }
  out(
    reportTable({
      kbVersion: kb.version,
      sources: reports,
      precisionOnly: (s, kind) => PRECISION_ONLY[s.report.rule].includes(kind),
      targets: TARGETS,
    }),
  );
  return {
    kbVersion: kb.version,
    sources: Object.fromEntries(reports.map((r) => [r.name, sourceJson(r)])),
  };
}
