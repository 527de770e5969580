/** A dense vector summarising the patient's history, produced by the offline-trained encoder. */
import { days } from '../duration.js';
import { patient } from '../entity.js';
import { defineFeatureView } from '../feature-view.js';
import { float32Vector } from '../value-type.js';

/** The encoder's output size; a change is a new version of the view (and of the encoder). */
export const PATIENT_EMBEDDING_DIMENSION = 32;

export const patientEmbedding = defineFeatureView({
  name: 'patient_embedding',
  entity: patient,
  version: 1,
  owner: 'ml-platform',
  description: `Patient history embedding (${String(PATIENT_EMBEDDING_DIMENSION)} float32), stored as raw little-endian bytes.`,
  maxStalenessMs: days(2),
  value: float32Vector({ dimension: PATIENT_EMBEDDING_DIMENSION }),
  producers: ['offline:embed', 'nearline:visit-refresh'],
});
