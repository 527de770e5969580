import { describe, expect, it } from 'vitest';
import { parseSig } from './medication-sig.js';

describe('parseSig', () => {
  it('reads dose, route and frequency from common sigs', () => {
    expect(parseSig(' 10 mg po daily')).toMatchObject({
      dose: { value: 10, unit: 'mg' },
      route: 'oral',
      frequency: { code: 'QD', timesPerDay: 1, asNeeded: false },
    });
    expect(parseSig(' 500 mg b.i.d.')).toMatchObject({
      frequency: { code: 'BID', timesPerDay: 2 },
    });
    expect(parseSig(' 875 mg PO TID x 10 days')).toMatchObject({
      frequency: { code: 'TID' },
      duration: { value: 10, unit: 'd' },
    });
  });

  it('reads every-N-hours and as-needed', () => {
    expect(parseSig(' 400 mg q8h prn pain')).toMatchObject({
      frequency: { code: 'Q8H', everyHours: 8, timesPerDay: 3, asNeeded: true },
    });
    expect(parseSig(' 2 puffs inhaled every 4 hours as needed')).toMatchObject({
      dose: { value: 2, unit: '{puff}' },
      route: 'inhalation',
      frequency: { code: 'Q4H', asNeeded: true },
    });
  });

  it('keeps a strength as a ratio and reads the route from the form', () => {
    expect(parseSig(' 5 mg/ml oral suspension')).toMatchObject({
      dose: { value: 5, unit: 'mg/mL' },
      route: 'oral',
    });
    expect(parseSig(' 0.4 mg SL q5 min')).toMatchObject({ route: 'sublingual' });
  });

  it('finds nothing in a clause without a sig', () => {
    expect(parseSig(' and rest')).toEqual({});
  });
});
