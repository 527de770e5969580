/**
 * `createAssistService(deps)`: one assist answer = one feature read (in flight while the request's
 * findings are resolved) + the model (when it can run) + the guideline engine, interaction checker
 * and care rules. Redis and the model are optional: without them the answer is `guidelines-only`
 * with the reason, and interactions and care gaps are still computed locally.
 */
import type { AssistRequest, AssistResponse } from '@mediassist/shared/api';
import { createTestRecommender } from '@mediassist/shared/care';
import { createDiagnosisEngine } from '@mediassist/shared/diagnosis';
import type { PatientId } from '@mediassist/shared/ids';
import { createInteractionChecker } from '@mediassist/shared/interactions';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import type { PatientRef } from '@mediassist/shared/events';
import { createTextExtractor, type TextExtractor } from '@mediassist/shared/text';
import type { Clock } from '../clock.js';
import type { FeatureReader, FeatureReadResult } from '../features/feature-reader.js';
import { patientContext } from '../features/patient-context.js';
import type { Metrics } from '../metrics/metrics.js';
import type { DiagnosisModelSource } from '../model/diagnosis-model.js';
import { MODEL_WEIGHT } from './blend-differential.js';
import { createGuidelineBlend } from './guideline-blend.js';
import { createCareGapsSection } from './care-gaps-section.js';
import { describeProvenance } from './provenance.js';
import { patientIdOf } from './patient-id.js';
import { resolveFindings } from './resolve-findings.js';
import type { LoadShedder } from '../resilience/load-shedder.js';
import { runModel } from './run-model.js';
import { createVitalFindings } from './vital-findings.js';

/** Shown with every answer. */
export const ASSIST_NOTICE =
  'Suggestions to support clinical judgement, with their evidence and sources; not a diagnosis.';
/** Differential items (by probability) whose guideline rules recommend tests. */
export const LEADING_CONDITIONS = 5;
export const NEXT_QUESTIONS = 5;

export interface AssistServiceDeps {
  kb: KnowledgeBase;
  logger: Logger;
  metrics: Pick<Metrics, 'fallbacks'>;
  clock: Clock;
  /** The one-round-trip feature read; absent: every answer is guidelines-only. */
  features?: FeatureReader | undefined;
  /** The serving model(s); absent: every answer is guidelines-only. */
  models?: DiagnosisModelSource | undefined;
  /** Built once per KB; created on the first free-text request when not given. */
  textExtractor?: TextExtractor | undefined;
  /** Needed to accept EHR source ids; without it only pseudonyms are accepted. */
  pseudonymKey?: PseudonymKey | undefined;
  /** Deadline for one model run. */
  modelTimeoutMs?: number;
  /** Answers it sheds skip the feature read and the model (`overloaded`). */
  shedder?: LoadShedder | undefined;
}

export interface AssistService {
  /** The request's patient as a pseudonym (throws VALIDATION_FAILED for an unusable reference). */
  patientId(ref: PatientRef): PatientId;
  assist(options: { request: AssistRequest; patientId: PatientId }): Promise<AssistResponse>;
}

const NOT_CONFIGURED: FeatureReadResult = { ok: false, reason: 'not-configured' };
const OVERLOADED: FeatureReadResult = { ok: false, reason: 'overloaded' };

export function createAssistService(deps: AssistServiceDeps): AssistService {
  const { kb, logger, metrics, clock, features, models, pseudonymKey, shedder } = deps;
  const modelTimeoutMs = deps.modelTimeoutMs ?? 50;
  const engine = createDiagnosisEngine({ kb });
  const blend = createGuidelineBlend({ conditions: kb.conditions, engine });
  const checker = createInteractionChecker(kb);
  const vitalFindings = createVitalFindings(kb.findings);
  const careGapsSection = createCareGapsSection(kb);
  const recommendTests = createTestRecommender({ kb });
  let textExtractor = deps.textExtractor;
  // The request's age chooses children's vital-sign cut-offs for vitals written in the text.
  const extractText = (text: string, ageYears: number | undefined) => {
    textExtractor ??= createTextExtractor({ kb });
    return textExtractor.extractFindings(text, ageYears === undefined ? {} : { ageYears });
  };

  const answer = async (
    { request, patientId }: { request: AssistRequest; patientId: PatientId },
    overloaded: boolean,
  ): Promise<AssistResponse> => {
    const started = performance.now();
    const now = new Date(clock.now());
    const reading = overloaded
      ? Promise.resolve(OVERLOADED)
      : features
        ? features.read(patientId, now)
        : Promise.resolve(NOT_CONFIGURED);
    const findings = resolveFindings({
      kb,
      request,
      extractText: (text) => extractText(text, request.age),
      // Structured vitals too: children's cut-offs at the request's age, adult when unknown.
      vitalFindings: (vitals) => vitalFindings(vitals, request.age),
    });
    const read = await reading;
    const context = patientContext({ read, request, now });

    const model = await runModel({
      models,
      patientKey: patientId,
      featuresRead: read.ok,
      overloaded,
      context,
      findings,
      now,
      timeoutMs: modelTimeoutMs,
      logger,
    });
    const patient = {
      ...(context.age === null ? {} : { age: context.age }),
      ...(context.sex === 'female' || context.sex === 'male' ? { sex: context.sex } : {}),
    };
    const scores = engine.scoreDifferential({
      findings,
      patient: { ...patient, conditions: [...context.chronic, ...context.recentAcute] },
    });
    const redFlags = engine.evaluateRedFlags({
      findings: { present: scores.findings.present },
      ...(context.age === null ? {} : { age: context.age }),
    });
    const differential = blend({
      scores,
      redFlags,
      model: model.ran ? model.output : null,
      limit: request.limit,
      patient: context,
    });
    const tests = recommendTests({
      conditions: differential.items.slice(0, LEADING_CONDITIONS).map((i) => i.conditionId),
      presentFindings: findings.present,
      patient,
      lastDone: context.lastDone ?? {},
      now,
    });
    const stored = context.activeRxcuis ?? [];
    const interactions = checker.check({
      proposed: request.medications.proposed,
      active: [...new Set([...request.medications.active, ...stored])],
    });
    if (!model.ran) {
      metrics.fallbacks.inc({ reason: model.reason });
    }
    return {
      patientId,
      patient: { age: context.age, sex: context.sex },
      notice: ASSIST_NOTICE,
      findings,
      differential: {
        method: differential.method,
        urgency: differential.urgency,
        otherProbability: differential.otherProbability,
        items: differential.items,
      },
      redFlags: redFlags.map((r) => ({
        ruleId: r.rule,
        findings: [...r.findings],
        escalateTo: r.escalateTo,
        consider: [...r.consider],
        advice: r.advice,
        sources: [...r.sources],
      })),
      nextQuestions: engine
        .nextQuestions({ differential: differential.engineView, limit: NEXT_QUESTIONS })
        .map((q) => ({
          findingId: q.finding,
          display: q.display,
          kind: q.kind,
          informationGain: q.informationGain,
          reason: q.reason,
        })),
      recommendedTests: {
        recentTestsKnown: context.lastDone !== null,
        // Fresh objects and arrays from the recommender (KB arrays copied there).
        items: tests.tests,
      },
      interactions: {
        activeMedicationsFrom: context.activeRxcuis === null ? 'request' : 'request+features',
        warnings: interactions.warnings.map((w) => ({
          ...w,
          sources: [...w.sources],
          alsoMatched: [...w.alsoMatched],
          drugs: [w.drugs[0], w.drugs[1]],
        })),
        unresolved: interactions.unresolved.map((u) => ({
          ...u,
          unresolvedParts: [...u.unresolvedParts],
        })),
      },
      careGaps: careGapsSection({ context, now }),
      provenance: describeProvenance({
        kbVersion: kb.version,
        read,
        context,
        model,
        modelWeight: MODEL_WEIGHT,
        now,
        serverTimeMs: performance.now() - started,
      }),
    };
  };

  return {
    patientId: (ref) => patientIdOf(ref, pseudonymKey),
    async assist(call) {
      const shed = shedder?.enter() === true;
      try {
        return await answer(call, shed);
      } finally {
        shedder?.leave();
      }
    },
  };
}
