/**
 * Examples → model input rows, with exactly the serving layout (`createDiagnosisInputLayout` of the
 * manifest's input spec) and the candidate's encoder for the embedding, as the online route builds
 * them. A small deterministic share of rows is fed without an embedding (the layout's missing flag),
 * so the model also knows patients the online store has no embedding for yet.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import {
  createDiagnosisInputLayout,
  encoderTokens,
  type DiagnosisInputLayout,
  type DiagnosisInputSpec,
} from '@mediassist/shared/model';
import type { Example } from './load-examples.js';
import { SparseRowsBuilder, type SparseRows } from './sparse-rows.js';

export const EMBEDDING_DROPOUT = 0.05;

export type Encode = (tokens: readonly string[]) => Float32Array;

/** The input vocabularies: KB ids seen in the training examples, in sorted order. */
export function inputSpecFrom(options: {
  examples: readonly Example[];
  kb: Pick<KnowledgeBase, 'finding' | 'condition'>;
  embeddingDimension: number;
}): DiagnosisInputSpec {
  const findings = new Set<string>();
  const chronic = new Set<string>();
  const acute = new Set<string>();
  for (const e of options.examples) {
    e.present.forEach((f) => findings.add(f));
    e.absent.forEach((f) => findings.add(f));
    e.history.chronic.forEach((c) => chronic.add(c));
    e.history.recentAcute.forEach((c) => acute.add(c));
  }
  const known = (set: Set<string>, has: (id: string) => boolean): string[] =>
    [...set].filter(has).sort();
  return {
    findings: known(findings, (id) => options.kb.finding(id) !== undefined),
    chronicConditions: known(chronic, (id) => options.kb.condition(id) !== undefined),
    recentAcute: known(acute, (id) => options.kb.condition(id) !== undefined),
    embeddingDimension: options.embeddingDimension,
  };
}

/** Classes: KB conditions labelling at least `minExamples` training examples, sorted. */
export function classesFrom(options: {
  examples: readonly Example[];
  kb: Pick<KnowledgeBase, 'condition'>;
  minExamples: number;
}): string[] {
  const counts = new Map<string, number>();
  for (const e of options.examples) {
    counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  }
  return [...counts]
    .filter(([id, n]) => n >= options.minExamples && options.kb.condition(id) !== undefined)
    .map(([id]) => id)
    .sort();
}

function dropsEmbedding(encounterId: string): boolean {
  return (
    createHash('sha256').update(`embedding-dropout:${encounterId}`).digest().readUInt32BE(0) <
    EMBEDDING_DROPOUT * 0x1_0000_0000
  );
}

/** One example's model input (what `run-model.ts` builds online for the same visit). */
export function exampleInput(options: {
  layout: DiagnosisInputLayout;
  example: Example;
  embedding: Float32Array | null;
}): Float32Array {
  const { example: e, layout, embedding } = options;
  return layout.build({
    present: e.present,
    absent: e.absent,
    chronic: e.history.chronic,
    recentAcute: e.history.recentAcute,
    age: e.age,
    sex: e.sex,
    embedding,
    date: new Date(`${e.visitDate}T00:00:00Z`),
  });
}

export function featurize(options: {
  examples: readonly Example[];
  spec: DiagnosisInputSpec;
  classes: readonly string[];
  encode: Encode;
  /** Training rows only: feed a few rows without their embedding. */
  dropout?: boolean;
}): SparseRows {
  const layout = createDiagnosisInputLayout(options.spec);
  const classIndex = new Map(options.classes.map((c, i) => [c, i]));
  const builder = new SparseRowsBuilder(layout.size);
  for (const example of options.examples) {
    const embedding =
      options.dropout === true && dropsEmbedding(example.encounterId)
        ? null
        : options.encode(encoderTokens(example.history));
    builder.add(exampleInput({ layout, example, embedding }), classIndex.get(example.label) ?? -1);
  }
  return builder.build();
}
