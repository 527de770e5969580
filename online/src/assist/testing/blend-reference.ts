/**
 * The reference the guideline blend is tested against: rank and describe to a depth with the
 * engine's `rankDifferential`, blend with `blendDifferential` and the `createRuledOut` check, and
 * deepen while the answer is inexact.
 */
import type { DiagnosisEngine, PatientInput } from '@mediassist/shared/diagnosis';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import {
  blendDifferential,
  type BlendedDifferential,
  type createRuledOut,
  type ModelOutput,
} from '../blend-differential.js';
import { GUIDELINE_MARGIN } from '../guideline-blend.js';

export function referenceBlend(options: {
  kb: KnowledgeBase;
  engine: DiagnosisEngine;
  findings: { present: string[]; absent: string[] };
  patient: PatientInput;
  model: ModelOutput | null;
  limit: number;
  ruledOut: ReturnType<typeof createRuledOut>;
}): BlendedDifferential {
  const { kb, engine, findings, patient, model, limit, ruledOut } = options;
  const at = (depth: number) =>
    blendDifferential({
      kb,
      guideline: engine.rankDifferential({ findings, patient, limit: depth }),
      depth,
      model,
      limit,
      ruledOut,
    });
  let result = at(model ? limit + GUIDELINE_MARGIN : limit);
  for (const depth of [limit * 4 + GUIDELINE_MARGIN, Number.MAX_SAFE_INTEGER]) {
    if (result.exact) {
      break;
    }
    result = at(depth);
  }
  return result;
}
