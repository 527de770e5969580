/** The guideline-only diagnosis engine for one knowledge base: indexes built once, pure functions after. */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { buildDiagnosisIndex } from './diagnosis-index.js';
import { nextQuestionsWithIndex, type NextQuestionsOptions } from './next-questions.js';
import { rankWithIndex, type RankDifferentialOptions } from './rank-differential.js';
import { evaluateRedFlags } from './red-flags.js';
import type { DifferentialResult, FiredRedFlag, NextQuestion } from './types.js';

export interface DiagnosisEngine {
  readonly kbVersion: string;
  rankDifferential(options: RankDifferentialOptions): DifferentialResult;
  nextQuestions(options: NextQuestionsOptions): NextQuestion[];
  evaluateRedFlags(options: {
    findings: { present: readonly string[] };
    age?: number;
  }): FiredRedFlag[];
}

export function createDiagnosisEngine({ kb }: { kb: KnowledgeBase }): DiagnosisEngine {
  const index = buildDiagnosisIndex(kb);
  return {
    kbVersion: kb.version,
    rankDifferential: (options) => rankWithIndex(index, options),
    nextQuestions: (options) => nextQuestionsWithIndex(index, options),
    evaluateRedFlags: ({ findings, age }) => evaluateRedFlags({ kb, findings, age }),
  };
}

/** One-off ranking; builds the indexes on every call, so prefer `createDiagnosisEngine` for reuse. */
export function rankDifferential({
  kb,
  ...options
}: RankDifferentialOptions & { kb: KnowledgeBase }): DifferentialResult {
  return rankWithIndex(buildDiagnosisIndex(kb), options);
}

/** One-off next-question search; builds the indexes on every call. */
export function nextQuestions({
  kb,
  ...options
}: NextQuestionsOptions & { kb: KnowledgeBase }): NextQuestion[] {
  return nextQuestionsWithIndex(buildDiagnosisIndex(kb), options);
}
