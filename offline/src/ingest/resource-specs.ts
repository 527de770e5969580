/** Every resource type ingest reads, in load order (Patient first: other tables join its birth date). */
import type { ResourceSpec } from './resource-spec.js';
import { allergyIntoleranceSpec } from './resources/allergy-intolerance.js';
import { conditionSpec } from './resources/condition.js';
import { documentReferenceSpec } from './resources/document-reference.js';
import { encounterSpec } from './resources/encounter.js';
import { immunizationSpec } from './resources/immunization.js';
import { medicationRequestSpec } from './resources/medication-request.js';
import { observationSpec } from './resources/observation.js';
import { patientSpec } from './resources/patient.js';
import { procedureSpec } from './resources/procedure.js';

export const RESOURCE_SPECS: readonly ResourceSpec[] = [
  patientSpec,
  encounterSpec,
  conditionSpec,
  observationSpec,
  medicationRequestSpec,
  allergyIntoleranceSpec,
  immunizationSpec,
  procedureSpec,
  documentReferenceSpec,
];
