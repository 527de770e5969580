/**
 * `createRuledOut`'s verdicts for every condition at once, by condition position: the zero-prior
 * conditions of each sex × age band are tabled once per knowledge base, so an answer copies its
 * stratum's row and marks the chronic conditions on the patient's list, instead of reading each
 * condition's course and prior through a check per condition.
 */
import { AGE_BANDS, type AgeBand, type Condition } from '@mediassist/shared/kb';
import { ageBand } from '@mediassist/shared/model';
import { rateIn, type RuledOutPatient } from './blend-differential.js';

/** Fills `into` (one entry per condition) with 1 where the condition is ruled out, else 0. */
export type RuledOutTable = (options: { patient: RuledOutPatient; into: Uint8Array }) => void;

type SexKey = 'female' | 'male' | 'unknown';

const rowKey = (sex: SexKey, band: AgeBand): string => `${sex}:${band}`;

export function createRuledOutTable(conditions: readonly Condition[]): RuledOutTable {
  const position = new Map(conditions.map((c, i) => [c.id, i]));
  const chronicCourse = Uint8Array.from(conditions, (c) => (c.course === 'chronic' ? 1 : 0));
  const zeroPrior = new Map<string, Uint8Array>();
  for (const band of AGE_BANDS) {
    const female = Uint8Array.from(conditions, (c) => (rateIn(c.prior.female, band) === 0 ? 1 : 0));
    const male = Uint8Array.from(conditions, (c) => (rateIn(c.prior.male, band) === 0 ? 1 : 0));
    zeroPrior.set(rowKey('female', band), female);
    zeroPrior.set(rowKey('male', band), male);
    zeroPrior.set(
      rowKey('unknown', band),
      female.map((f, i) => f & (male[i] ?? 0)),
    );
  }
  return ({ patient, into }) => {
    if (patient.age === null) {
      into.fill(0);
    } else {
      const sex = patient.sex === 'female' || patient.sex === 'male' ? patient.sex : 'unknown';
      const row = zeroPrior.get(rowKey(sex, ageBand(patient.age)));
      if (!row) {
        throw new Error('no zero-prior row for the patient’s stratum');
      }
      into.set(row);
    }
    for (const id of patient.chronic) {
      const ci = position.get(id);
      if (ci !== undefined && chronicCourse[ci] === 1) {
        into[ci] = 1;
      }
    }
  };
}
