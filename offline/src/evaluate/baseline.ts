/**
 * The guideline-only baseline on the same inputs: `createDiagnosisEngine(...).rankDifferential`
 * with the visit's findings and the patient's age, sex and history, as the online service calls it
 * (`online/src/assist/assist-service.ts`). Only items listed by rank count as its ranking; its
 * confidence is the top item's posterior (which leaves mass to "none of the KB conditions").
 */
import type { DiagnosisEngine } from '@mediassist/shared/diagnosis';
import type { Example } from '../train/load-examples.js';
import type { RankedPrediction } from './metrics.js';

export function baselinePrediction(engine: DiagnosisEngine, e: Example): RankedPrediction {
  const result = engine.rankDifferential({
    findings: { present: e.present, absent: e.absent },
    patient: {
      ...(e.age === null ? {} : { age: e.age }),
      ...(e.sex === 'female' || e.sex === 'male' ? { sex: e.sex } : {}),
      conditions: [...e.history.chronic, ...e.history.recentAcute],
    },
    limit: 10,
  });
  const ranked = result.items.filter((i) => i.listedBecause === 'rank');
  return { top: ranked.map((i) => i.condition), confidence: ranked[0]?.probability ?? 0 };
}
