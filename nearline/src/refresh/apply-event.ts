/**
 * How one coded event changes a patient's direct views. Every rule is idempotent and
 * order-independent: sets are unions, "latest" values compare their own timestamps, starts/stops and
 * activations/resolutions keep the time of the last change, and a visit is counted once per
 * encounter. So a batch applied in any order, or twice, gives the same features.
 */
import type { CodedEvent, CodedVisitEvent } from '@mediassist/shared/events';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { LastChange } from './nearline-state.js';
import { emptyValue, LIST_LIMITS, type DirectViewName, type ViewValue } from './nearline-views.js';

const DAY_MS = 86_400_000;
/** Windows of the views (see their descriptions in feature-store/src/definitions/views). */
export const VISIT_WINDOW_MS = 90 * DAY_MS;
export const ACUTE_WINDOW_MS = 365 * DAY_MS;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** The working copy a batch of events is applied to (a view is copied the first time it changes). */
export interface Draft {
  views: { [K in DirectViewName]?: { value: Mutable<ViewValue<K>>; asOfMs: number } };
  encounters: Record<string, number>;
  medications: Record<string, LastChange>;
  conditions: Record<string, LastChange>;
  /** Views the events changed. */
  touched: Set<DirectViewName>;
}

export interface ApplyContext {
  kb: Pick<KnowledgeBase, 'condition'>;
  nowMs: number;
}

function view<K extends DirectViewName>(
  draft: Draft,
  name: K,
  atMs: number,
): Mutable<ViewValue<K>> {
  const current = draft.views[name] as { value: Mutable<ViewValue<K>>; asOfMs: number } | undefined;
  // Copy on first write: the draft starts out sharing the stored values.
  const next = current
    ? draft.touched.has(name)
      ? current
      : { value: structuredClone(current.value), asOfMs: current.asOfMs }
    : { value: emptyValue(name) as Mutable<ViewValue<K>>, asOfMs: atMs };
  next.asOfMs = Math.max(next.asOfMs, atMs);
  (draft.views as Record<K, typeof next>)[name] = next;
  draft.touched.add(name);
  return next.value;
}

/** Adds to a capped list, dropping the oldest (front) entries when full. */
function addCapped(list: string[], item: string, cap: number): void {
  if (list.includes(item)) {
    return;
  }
  list.push(item);
  if (list.length > cap) {
    list.splice(0, list.length - cap);
  }
}

function remove(list: string[], item: string): void {
  const i = list.indexOf(item);
  if (i >= 0) {
    list.splice(i, 1);
  }
}

/** Records a start/stop unless a later one is already known; true when it is now the latest. */
function recordChange(
  changes: Record<string, LastChange>,
  key: string,
  change: LastChange,
): boolean {
  const known = changes[key];
  if (known && known.atMs > change.atMs) {
    return false;
  }
  changes[key] = change;
  return true;
}

interface Diagnosis {
  conditionId: string | null;
  icd10: string | null;
  clinicalStatus: 'active' | 'resolved';
}

function applyDiagnosis(options: {
  draft: Draft;
  diagnosis: Diagnosis;
  atMs: number;
  context: ApplyContext;
}): void {
  const { draft, diagnosis, atMs, context } = options;
  const condition =
    diagnosis.conditionId === null ? undefined : context.kb.condition(diagnosis.conditionId);
  const history = view(draft, 'condition_history', atMs);
  const icd10 = diagnosis.icd10 ?? condition?.icd10[0];
  if (icd10 !== undefined) {
    addCapped(history.icd10, icd10, LIST_LIMITS.icd10);
  }
  if (!condition) {
    return;
  }
  if (condition.course === 'chronic') {
    const active = diagnosis.clinicalStatus === 'active';
    if (recordChange(draft.conditions, condition.id, { active, atMs })) {
      if (active) {
        addCapped(history.chronic, condition.id, LIST_LIMITS.chronic);
      } else {
        remove(history.chronic, condition.id);
      }
    }
  } else if (diagnosis.clinicalStatus === 'active' && atMs >= context.nowMs - ACUTE_WINDOW_MS) {
    addCapped(history.recentAcute, condition.id, LIST_LIMITS.recentAcute);
  }
}

function applyVisit(draft: Draft, event: CodedVisitEvent, context: ApplyContext): void {
  const atMs = Date.parse(event.occurredAt);
  const day = event.occurredAt.slice(0, 10);

  const findings = view(draft, 'recent_findings', atMs);
  for (const id of event.findings.present) {
    addCapped(findings.present, id, LIST_LIMITS.findings);
  }
  if (!(event.encounterId in draft.encounters)) {
    draft.encounters[event.encounterId] = atMs;
    if (atMs >= context.nowMs - VISIT_WINDOW_MS) {
      findings.visits90d = Math.min(findings.visits90d + 1, LIST_LIMITS.visits);
    }
  }
  if (findings.lastVisitAt === null || findings.lastVisitAt < day) {
    findings.lastVisitAt = day;
  }

  for (const d of event.diagnoses) {
    if (d.verification === 'confirmed') {
      applyDiagnosis({ draft, diagnosis: d, atMs, context });
    }
  }

  if (event.observations.length > 0) {
    const { values } = view(draft, 'vitals_labs', atMs);
    for (const o of event.observations) {
      const known = values[o.loinc];
      if (!known || Date.parse(known.at) <= Date.parse(o.at)) {
        values[o.loinc] = { value: o.value, unit: o.unit, at: o.at };
      }
    }
    const codes = Object.keys(values);
    if (codes.length > LIST_LIMITS.observations) {
      codes
        .sort((a, b) => Date.parse(values[a]?.at ?? '') - Date.parse(values[b]?.at ?? ''))
        .slice(0, codes.length - LIST_LIMITS.observations)
        .forEach((code) => {
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a LOINC-keyed map
          delete values[code];
        });
    }
  }

  const { started, stopped } = event.medications;
  if (started.length + stopped.length > 0) {
    const list = view(draft, 'medication_list', atMs);
    for (const [rxcuis, active] of [
      [started, true],
      [stopped, false],
    ] as const) {
      for (const rxcui of rxcuis) {
        if (recordChange(draft.medications, rxcui, { active, atMs })) {
          if (active) {
            addCapped(list.activeRxcuis, rxcui, LIST_LIMITS.rxcuis);
          } else {
            remove(list.activeRxcuis, rxcui);
          }
        }
      }
    }
  }

  if (event.tests.length > 0) {
    const { lastDone } = view(draft, 'recent_tests', atMs);
    for (const id of event.tests) {
      const known = lastDone[id];
      if (known === undefined || known < day) {
        lastDone[id] = day;
      }
    }
    const ids = Object.keys(lastDone);
    if (ids.length > LIST_LIMITS.tests) {
      ids
        .sort((a, b) => (lastDone[a] ?? '').localeCompare(lastDone[b] ?? ''))
        .slice(0, ids.length - LIST_LIMITS.tests)
        .forEach((id) => {
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a test-id map
          delete lastDone[id];
        });
    }
  }
}

/** Applies one event to the draft. Accepted/dismissed suggestions change no feature (lake only). */
export function applyEvent(draft: Draft, event: CodedEvent, context: ApplyContext): void {
  switch (event.kind) {
    case 'visit':
      applyVisit(draft, event, context);
      return;
    case 'feedback':
      if (event.feedback.action === 'final-diagnosis') {
        applyDiagnosis({
          draft,
          diagnosis: { ...event.feedback, clinicalStatus: 'active' },
          atMs: Date.parse(event.occurredAt),
          context,
        });
      }
      return;
    default:
      event satisfies never;
  }
}

/** Drops bookkeeping nobody needs any more: counted visits outside the window, very old changes. */
export function pruneDraft(draft: Draft, nowMs: number): void {
  for (const [id, atMs] of Object.entries(draft.encounters)) {
    if (atMs < nowMs - VISIT_WINDOW_MS - 30 * DAY_MS) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- an id-keyed map
      delete draft.encounters[id];
    }
  }
  for (const changes of [draft.medications, draft.conditions]) {
    for (const [id, change] of Object.entries(changes)) {
      if (change.atMs < nowMs - 2 * ACUTE_WINDOW_MS) {
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- an id-keyed map
        delete changes[id];
      }
    }
  }
}
