/**
 * What nearline keeps per patient beside the online features (the `data` field of the ledger): the
 * last value it computed for each view, and the per-item timestamps that make applying events
 * order-independent (which encounters were counted, the last start/stop of each drug, the last
 * activation/resolution of each chronic condition). Serialised with the feature codec, so a stored
 * value is validated by the view's own schema when read back.
 */
import { decodeFeatureValue, featureRegistry } from '@mediassist/feature-store/definitions';
import { z } from 'zod';
import type { EncodedView } from './encoded-views.js';
import {
  MAINTAINED_VIEWS,
  type MaintainedViewName,
  type WorkingFeatures,
} from './nearline-views.js';

/** The last change seen for an item (a drug, a chronic condition) and when it happened. */
export interface LastChange {
  readonly active: boolean;
  readonly atMs: number;
}

export interface NearlineState {
  readonly views: WorkingFeatures;
  /** Encounter pseudonym → visit time (ms): visits already counted in `visits90d`. */
  readonly encounters: Readonly<Record<string, number>>;
  /** Ingredient RxCUI → last start/stop. */
  readonly medications: Readonly<Record<string, LastChange>>;
  /** KB chronic condition id → last activation/resolution. */
  readonly conditions: Readonly<Record<string, LastChange>>;
}

export const EMPTY_STATE: NearlineState = {
  views: {},
  encounters: {},
  medications: {},
  conditions: {},
};

const STATE_FORMAT = 1;

const LastChangeSchema = z.strictObject({ active: z.boolean(), atMs: z.number().int() });
const StoredStateSchema = z.strictObject({
  format: z.literal(STATE_FORMAT),
  views: z.record(
    z.string(),
    z.strictObject({ bytes: z.base64(), asOfMs: z.number().int().positive() }),
  ),
  encounters: z.record(z.string(), z.number().int()),
  medications: z.record(z.string(), LastChangeSchema),
  conditions: z.record(z.string(), LastChangeSchema),
});

/** The ledger's `data`: bookkeeping plus each view's bytes as encoded (and validated) for the write. */
export function serializeState(
  state: Omit<NearlineState, 'views'>,
  encoded: ReadonlyMap<string, EncodedView>,
): string {
  const views: Record<string, { bytes: string; asOfMs: number }> = {};
  for (const [name, view] of encoded) {
    views[name] = { bytes: Buffer.from(view.bytes).toString('base64'), asOfMs: view.asOfMs };
  }
  return JSON.stringify({
    format: STATE_FORMAT,
    views,
    encounters: state.encounters,
    medications: state.medications,
    conditions: state.conditions,
  });
}

export type ParsedState =
  | { readonly ok: true; readonly state: NearlineState; readonly droppedViews: readonly string[] }
  | { readonly ok: false };

/** Never throws: a corrupt state is reported, and the refresh rebuilds from the online store. */
export function parseState(text: string | null): ParsedState {
  if (text === null) {
    return { ok: true, state: EMPTY_STATE, droppedViews: [] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const parsed = StoredStateSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false };
  }
  const views: Record<string, unknown> = {};
  const droppedViews: string[] = [];
  for (const [name, stored] of Object.entries(parsed.data.views)) {
    const view = featureRegistry.find(name);
    const decoded =
      view && (MAINTAINED_VIEWS as readonly string[]).includes(name)
        ? decodeFeatureValue(view, Buffer.from(stored.bytes, 'base64'))
        : undefined;
    if (decoded?.ok) {
      views[name as MaintainedViewName] = { value: decoded.value, asOfMs: stored.asOfMs };
    } else {
      droppedViews.push(name);
    }
  }
  return {
    ok: true,
    state: {
      views: views,
      encounters: parsed.data.encounters,
      medications: parsed.data.medications,
      conditions: parsed.data.conditions,
    },
    droppedViews,
  };
}
