/**
 * One refresh computation, pure apart from the encoder: plan (reconcile + apply events), derive, and
 * decide which views to write. Every value is encoded here, so a value its view would refuse fails
 * the computation (and its event is isolated) instead of failing the write after the commit.
 */
import {
  encodeFeatureValue,
  featureRegistry,
  PATIENT_EMBEDDING_DIMENSION,
} from '@mediassist/feature-store/definitions';
import type { FeatureWrites } from '@mediassist/feature-store/online';
import type { PatientFeatureView } from '@mediassist/feature-store/definitions';
import type { CodedEvent } from '@mediassist/shared/events';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { FeatureDeriver } from './derive-features.js';
import type { NearlineState } from './nearline-state.js';
import { MAINTAINED_VIEWS, type WorkingView } from './nearline-views.js';
import { planRefresh, type OnlineSnapshot } from './plan-refresh.js';

export interface ComputedRefresh {
  /** The state to commit (views as computed, bookkeeping). */
  readonly state: NearlineState;
  /** Views whose value or `as_of` differs from the online store. */
  readonly writes: FeatureWrites<PatientFeatureView>;
  /** Derived view → outcome (`computed`, `embedded`, `no_model`, …), for metrics. */
  readonly derivedOutcomes: readonly (readonly [string, string])[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export async function computeRefresh(options: {
  state: NearlineState;
  online: OnlineSnapshot;
  events: readonly CodedEvent[];
  kb: Pick<KnowledgeBase, 'condition'>;
  deriver: FeatureDeriver;
  now: Date;
}): Promise<ComputedRefresh> {
  const { online, now } = options;
  const plan = planRefresh({
    state: options.state,
    online,
    events: options.events,
    context: { kb: options.kb, nowMs: now.getTime() },
  });
  const derived = await options.deriver.derive({
    working: plan.working,
    demographics: online.demographics?.value,
    recompute: plan.recompute,
    now,
    embeddingDimension: PATIENT_EMBEDDING_DIMENSION,
  });
  const working: Record<string, WorkingView<unknown>> = { ...plan.working };
  for (const [name, value] of Object.entries(derived.values)) {
    working[name] = { value, asOfMs: plan.derivedAsOfMs[name as keyof typeof plan.derivedAsOfMs] };
  }

  const writes: Record<string, { value: unknown; asOf: Date }> = {};
  for (const name of MAINTAINED_VIEWS) {
    const own = working[name];
    if (!own) {
      continue;
    }
    const view = featureRegistry.get(name);
    const bytes = encodeFeatureValue(view, own.value as never);
    const stored = online[name];
    const differs =
      !stored ||
      stored.asOfMs !== own.asOfMs ||
      !sameBytes(bytes, encodeFeatureValue(view, stored.value as never));
    if (differs && (!stored || own.asOfMs >= stored.asOfMs)) {
      writes[name] = { value: own.value, asOf: new Date(own.asOfMs) };
    }
  }

  const derivedOutcomes: [string, string][] = [];
  if (derived.careGaps) {
    derivedOutcomes.push(['care_gaps', derived.careGaps]);
  }
  if (derived.embedding) {
    derivedOutcomes.push(['patient_embedding', derived.embedding]);
  }
  if (derived.values.medication_alerts) {
    derivedOutcomes.push(['medication_alerts', 'computed']);
  }
  return {
    state: { views: working, ...plan.state },
    writes: writes,
    derivedOutcomes,
  };
}
