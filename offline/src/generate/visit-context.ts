/** What building one visit's facts needs: the world, the patient's running state, shared helpers. */
import type { Prescription } from './encounter-facts.js';
import type { ResourceJson } from './resource-json.js';
import type { MeasuredPatient, VisitMeasurer } from './visit-measurer.js';
import type { WorldModel } from './world-model.js';

/** A patient's state while their visits are generated, in time order. */
export interface PatientState extends MeasuredPatient {
  /** Time of the last episode of each condition (−Infinity when none). */
  lastEpisode: Float64Array;
  chronicPrescriptions: Prescription[];
  /** Condition index → problem-list Condition id. */
  problemIds: Map<number, string>;
  /** Preventive service id → when last done. */
  lastDone: Map<string, number>;
  /** History findings on record (social history taken so far). */
  known: Set<number>;
}

export interface VisitContext {
  world: WorldModel;
  /** The export's end (prescriptions within 30 days of it stay active). */
  endMs: number;
  measurer: VisitMeasurer;
  resources: ResourceJson;
  /** Lab LOINC → the preventive services a result satisfies (a lipid panel at a follow-up…). */
  servicesByLoinc: ReadonlyMap<string, readonly string[]>;
}
