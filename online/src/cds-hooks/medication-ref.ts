/**
 * A MedicationRequest → the drug reference the interaction checker takes: an RxNorm code the
 * knowledge base resolves (ingredient, clinical or branded drug), else the first RxNorm code, else
 * the medication's name (drug names are not patient data; the checker matches generic and brand
 * names). `medicationReference` is followed into `contained` or the Medication resources at hand.
 */
import { isRxcui, type DrugRef } from '@mediassist/shared/interactions';
import { CODE_SYSTEMS, type KnowledgeBase } from '@mediassist/shared/kb';
import {
  codingsOf,
  resourcesOf,
  type FhirCodeableConcept,
  type MedicationRequestResource,
  type MedicationResource,
} from './fhir-resources.js';

const MAX_NAME = 200;

function conceptOf(
  request: MedicationRequestResource,
  medications: ReadonlyMap<string, MedicationResource>,
): FhirCodeableConcept | undefined {
  if (request.medicationCodeableConcept) {
    return request.medicationCodeableConcept;
  }
  const reference = request.medicationReference?.reference;
  if (reference === undefined) {
    return undefined;
  }
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    return resourcesOf(request.contained ?? [], 'Medication').items.find((m) => m.id === id)?.code;
  }
  return medications.get(reference.replace(/^.*\/(Medication\/[^/]+)$/, '$1'))?.code;
}

export interface DrugRefOptions {
  kb: Pick<KnowledgeBase, 'drugByRxcui'>;
  /** Medication resources by `Medication/<id>` (from the same Bundle, e.g. `_include`). */
  medications?: ReadonlyMap<string, MedicationResource>;
}

/** Undefined when the request names no drug at all. */
export function drugRefOf(
  request: MedicationRequestResource,
  options: DrugRefOptions,
): DrugRef | undefined {
  const concept = conceptOf(request, options.medications ?? new Map());
  const codings = codingsOf(concept);
  const rxnorm = codings
    .filter((c) => c.system === CODE_SYSTEMS.rxnorm && isRxcui(c.code))
    .map((c) => c.code.trim());
  const known = rxnorm.find((code) => options.kb.drugByRxcui(code) !== undefined);
  if (known !== undefined || rxnorm[0] !== undefined) {
    return known ?? rxnorm[0];
  }
  const name = (concept?.text ?? codings.find((c) => c.display)?.display ?? '').trim();
  return name === '' ? undefined : name.slice(0, MAX_NAME);
}

/** Medication resources in a prefetch value, by `Medication/<id>`. */
export function medicationsById(value: unknown): Map<string, MedicationResource> {
  return new Map(
    resourcesOf(value, 'Medication').items.flatMap((m) =>
      m.id === undefined ? [] : [[`Medication/${m.id}`, m] as const],
    ),
  );
}
