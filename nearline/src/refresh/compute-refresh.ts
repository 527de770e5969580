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
import type { ValueEncoding } from '@mediassist/feature-store/definitions';
import type { CodedEvent } from '@mediassist/shared/events';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { FeatureDeriver } from './derive-features.js';
import type { NearlineState } from './nearline-state.js';
import type { EncodedView } from './encoded-views.js';
import {
  MAINTAINED_VIEWS,
  type DirectViewName,
  type MaintainedViewName,
  type WorkingView,
} from './nearline-views.js';
import { planRefresh, type OnlineSnapshot } from './plan-refresh.js';

export interface ComputedRefresh {
  /** The state to commit (views as computed, bookkeeping). */
  readonly state: NearlineState;
  /** Every computed view, validated and encoded once (for the write and the ledger). */
  readonly encoded: ReadonlyMap<MaintainedViewName, EncodedView>;
  /** Views whose value or `as_of` differs from the online store. */
  readonly writes: readonly MaintainedViewName[];
  /** Derived view → outcome (`computed`, `embedded`, `no_model`, …), for metrics. */
  readonly derivedOutcomes: readonly (readonly [string, string])[];
}

const utf8 = new TextEncoder();

/** A stored (already validated) value's bytes, without validating it again. */
function storedBytes(encoding: ValueEncoding, value: unknown): Uint8Array {
  return encoding.kind === 'json'
    ? utf8.encode(JSON.stringify(value))
    : new Uint8Array(
        (value as Float32Array).buffer,
        (value as Float32Array).byteOffset,
        (value as Float32Array).byteLength,
      );
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

  const encoded = new Map<MaintainedViewName, EncodedView>();
  const writes: MaintainedViewName[] = [];
  for (const name of MAINTAINED_VIEWS) {
    const own = working[name];
    const changed = plan.touched.has(name as DirectViewName) || name in derived.values;
    if (!own || (plan.sources.get(name) === 'online' && !changed)) {
      // Untouched values of the online store are neither re-written nor kept in the ledger.
      continue;
    }
    const view = featureRegistry.get(name);
    const bytes = encodeFeatureValue(view, own.value as never);
    encoded.set(name, { bytes, asOfMs: own.asOfMs });
    const stored = online[name];
    const differs =
      !stored ||
      stored.asOfMs !== own.asOfMs ||
      !sameBytes(bytes, storedBytes(view.value.encoding, stored.value));
    if (differs && (!stored || own.asOfMs >= stored.asOfMs)) {
      writes.push(name);
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
  return { state: { views: working, ...plan.state }, encoded, writes, derivedOutcomes };
}
