import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/knowledge-base.js';
import { createPriorTable } from './prior-table.js';
import { priorFor } from './prior.js';

const kb = loadKnowledgeBase();
const table = createPriorTable(kb.conditions);
/** One age inside each band, and unknown. */
const AGES = [undefined, 0, 4, 5, 17, 18, 39, 40, 64, 65, 101];

describe('createPriorTable', () => {
  it('holds, for every sex and age band, the prior priorFor gives a patient without history', () => {
    for (const sex of [undefined, 'female', 'male'] as const) {
      for (const age of AGES) {
        const patient = { ...(sex ? { sex } : {}), ...(age === undefined ? {} : { age }) };
        const expected = kb.conditions.map((c) => priorFor(c, patient));
        const stratum = table.stratum({
          sex,
          band:
            age === undefined
              ? undefined
              : age < 5
                ? '0-4'
                : age < 18
                  ? '5-17'
                  : age < 40
                    ? '18-39'
                    : age < 65
                      ? '40-64'
                      : '65+',
        });
        expect(Array.from(stratum.prior)).toEqual(expected);
        expect(Array.from(stratum.logPrior)).toEqual(
          expected.map((p) => (p > 0 ? Math.log(p) : Number.NEGATIVE_INFINITY)),
        );
        expect(stratum.total).toBe(expected.reduce((s, p) => s + p, 0));
      }
    }
  });

  it('lists the conditions a history entry changes: itself and those it is a risk factor of', () => {
    const ids = (id: string) => table.affectedBy(id).map((i) => kb.conditions[i]?.id);
    expect(ids('asthma')).toEqual(expect.arrayContaining(['asthma', 'asthma-exacerbation']));
    for (const condition of kb.conditions) {
      for (const rf of condition.riskFactors) {
        expect(ids(rf.condition)).toContain(condition.id);
      }
    }
    expect(table.affectedBy('not-a-condition')).toEqual([]);
  });
});
