/**
 * Reconciles what nearline last computed with what the online store holds, then applies a batch of
 * events. Per view: a newer value in the store (materialization ran) becomes the base; otherwise
 * nearline's own last value is the base — so a value computed but never written (a worker killed
 * between commit and write) is written again rather than lost or applied twice.
 */
import type { CodedEvent } from '@mediassist/shared/events';
import { applyEvent, pruneDraft, type ApplyContext, type Draft } from './apply-event.js';
import type { NearlineState } from './nearline-state.js';
import {
  DERIVED_VIEWS,
  MAINTAINED_VIEWS,
  type DerivedViewName,
  type DirectViewName,
  type InputViewName,
  type MaintainedViewName,
  type ViewValue,
  type WorkingFeatures,
  type WorkingView,
} from './nearline-views.js';

/** The online store's fresh or stale values (missing, invalid and incompatible ones are left out). */
export type OnlineSnapshot = { [TName in InputViewName]?: WorkingView<ViewValue<TName>> };

export interface RefreshPlan {
  /** Every maintained view after reconciliation and the events (derived views not yet recomputed). */
  readonly working: WorkingFeatures;
  /** Bookkeeping to store for the next refresh. */
  readonly state: Omit<NearlineState, 'views'>;
  /** Where each view's base came from: nearline's own last value, or the online store. */
  readonly sources: ReadonlyMap<MaintainedViewName, 'nearline' | 'online'>;
  /** Direct views the events changed. */
  readonly touched: ReadonlySet<DirectViewName>;
  /** Derived views to recompute: those whose inputs the events changed, or that do not exist yet. */
  readonly recompute: readonly DerivedViewName[];
  /** The `as_of` each recomputed derived view gets: its inputs' and the batch's newest, never older than before. */
  readonly derivedAsOfMs: Readonly<Record<DerivedViewName, number>>;
}

const DERIVED_INPUTS: Record<DerivedViewName, readonly InputViewName[]> = {
  care_gaps: ['condition_history', 'recent_findings', 'recent_tests', 'demographics'],
  medication_alerts: ['medication_list'],
  patient_embedding: ['condition_history', 'medication_list', 'recent_findings'],
};

function findingsKey(working: Record<string, WorkingView<unknown>>): string {
  const findings = working['recent_findings']?.value as { present: readonly string[] } | undefined;
  return findings ? findings.present.join(',') : '';
}

/**
 * A derived view is recomputed when an input it depends on changed (care gaps: problems, history
 * findings, tests; alerts: drugs; embedding: problems, drugs, findings), or when it does not exist.
 * A visit that only records vitals leaves care gaps and alerts as they are.
 */
function recomputed(options: {
  working: Record<string, WorkingView<unknown>>;
  touched: ReadonlySet<DirectViewName>;
  presentChanged: boolean;
}): DerivedViewName[] {
  const { working, touched, presentChanged } = options;
  if (touched.size === 0) {
    return [];
  }
  const changed: Record<DerivedViewName, boolean> = {
    care_gaps: touched.has('condition_history') || touched.has('recent_tests') || presentChanged,
    medication_alerts: touched.has('medication_list'),
    patient_embedding:
      touched.has('condition_history') || touched.has('medication_list') || presentChanged,
  };
  return DERIVED_VIEWS.filter((name) => changed[name] || !(name in working));
}

/** Chronological, then by id: the order events are applied in (the result does not depend on it). */
export function byOccurrence(a: CodedEvent, b: CodedEvent): number {
  return a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId);
}

export function planRefresh(options: {
  state: NearlineState;
  online: OnlineSnapshot;
  events: readonly CodedEvent[];
  context: ApplyContext;
}): RefreshPlan {
  const { state, online, events, context } = options;
  const working: Record<string, WorkingView<unknown>> = {};
  const sources = new Map<MaintainedViewName, 'nearline' | 'online'>();
  for (const name of MAINTAINED_VIEWS) {
    const own = state.views[name];
    const stored = online[name];
    const base = stored && (!own || stored.asOfMs > own.asOfMs) ? stored : own;
    if (base) {
      working[name] = { value: base.value, asOfMs: base.asOfMs };
      sources.set(name, base === own ? 'nearline' : 'online');
    }
  }

  const presentBefore = findingsKey(working);
  const draft: Draft = {
    views: working,
    encounters: { ...state.encounters },
    medications: { ...state.medications },
    conditions: { ...state.conditions },
    touched: new Set(),
  };
  for (const event of [...events].sort(byOccurrence)) {
    applyEvent(draft, event, context);
  }
  pruneDraft(draft, context.nowMs);

  const asOf = (name: InputViewName): number =>
    (name === 'demographics' ? online.demographics?.asOfMs : working[name]?.asOfMs) ?? 0;
  // The batch's own data time counts too: "no interactions" is as true as the visit that showed it.
  const batchAsOfMs = Math.max(0, ...[...draft.touched].map(asOf));
  const derivedAsOfMs = Object.fromEntries(
    DERIVED_VIEWS.map((name) => [
      name,
      Math.max(asOf(name), batchAsOfMs, ...DERIVED_INPUTS[name].map(asOf)),
    ]),
  ) as Record<DerivedViewName, number>;

  return {
    working: working,
    state: {
      encounters: draft.encounters,
      medications: draft.medications,
      conditions: draft.conditions,
    },
    sources,
    touched: draft.touched,
    recompute: recomputed({
      working,
      touched: draft.touched,
      presentChanged: findingsKey(working) !== presentBefore,
    }),
    derivedAsOfMs,
  };
}
