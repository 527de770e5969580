/**
 * `context.draftOrders` → the draft MedicationRequests to check, each with its reference
 * (`MedicationRequest/<id>`, the target of a delete suggestion) and whether it is among
 * `context.selections` (order-select) — for order-sign every draft counts as selected.
 */
import type { DrugRef } from '@mediassist/shared/interactions';
import { resourcesOf } from './fhir-resources.js';
import { drugRefOf, medicationsById } from './medication-ref.js';
import type { RecordKb } from './patient-record.js';

export interface DraftMedication {
  /** `MedicationRequest/<id>`; undefined when the draft has no id (no delete suggestion then). */
  reference: string | undefined;
  ref: DrugRef;
  selected: boolean;
}

export interface DraftOrders {
  medications: DraftMedication[];
  /** Draft MedicationRequests that name no drug. */
  unnamed: number;
}

export interface ReadDraftOrdersOptions {
  bundle: unknown;
  /** `context.selections` for order-select; undefined for order-sign (all selected). */
  selections?: readonly string[] | undefined;
  kb: Pick<RecordKb, 'drugByRxcui'>;
}

/** `MedicationRequest/abc`, also from an absolute or versioned reference. */
function normalizeReference(reference: string): string {
  const match = /(?:^|\/)(MedicationRequest\/[A-Za-z0-9.-]{1,64})(?:\/_history\/.*)?$/.exec(
    reference,
  );
  return match?.[1] ?? reference;
}

export function readDraftOrders(options: ReadDraftOrdersOptions): DraftOrders {
  const { bundle, selections, kb } = options;
  const medications = medicationsById(bundle);
  const selected =
    selections === undefined ? undefined : new Set(selections.map(normalizeReference));
  const result: DraftOrders = { medications: [], unnamed: 0 };
  for (const request of resourcesOf(bundle, 'MedicationRequest').items) {
    const ref = drugRefOf(request, { kb, medications });
    if (ref === undefined) {
      result.unnamed += 1;
      continue;
    }
    const reference = request.id === undefined ? undefined : `MedicationRequest/${request.id}`;
    result.medications.push({
      reference,
      ref,
      selected: selected === undefined || (reference !== undefined && selected.has(reference)),
    });
  }
  return result;
}
