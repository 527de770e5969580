import { createInteractionChecker } from '@mediassist/shared/interactions';
import { describe, expect, it } from 'vitest';
import { createAlternativeFinder } from './alternatives.js';
import { shippedKb } from './testing/cds-test-app.js';

const kb = shippedKb();
const find = createAlternativeFinder({ kb, checker: createInteractionChecker(kb) });
const WARFARIN = '11289';

describe('createAlternativeFinder', () => {
  it('offers the drug the management advice names when it can stand in for the draft', () => {
    // anticoagulant-nsaid: "Avoid; use acetaminophen for analgesia."
    const alternative = find({
      interactionId: 'anticoagulant-nsaid',
      severity: 'major',
      rxcui: '5640',
      others: [WARFARIN],
      conditions: [],
    });
    expect(alternative?.drug.name).toBe('acetaminophen');
    expect(alternative?.sharedConditions.length).toBeGreaterThan(0);
    // Acetaminophen's own moderate interaction with warfarin is kept for the card.
    expect(alternative?.remaining.map((w) => [w.interactionId, w.severity])).toEqual([
      ['warfarin-acetaminophen', 'moderate'],
    ]);
  });

  it('replaces the draft, never the active drug the advice is about', () => {
    // "switch to pravastatin or rosuvastatin" replaces simvastatin, not a draft clarithromycin.
    const base = {
      interactionId: 'onc-simvastatin-lovastatin-cyp3a4-inhibitors-contraindicated',
      severity: 'contraindicated' as const,
      conditions: [],
    };
    expect(find({ ...base, rxcui: '21212', others: ['36567'] })).toBeUndefined();
    expect(find({ ...base, rxcui: '36567', others: ['21212'] })?.sharedClasses).toEqual(['statin']);
  });

  it('offers nothing when the advice names no substitute', () => {
    expect(
      find({
        interactionId: 'opioid-benzodiazepine',
        severity: 'major',
        rxcui: '7804',
        others: ['596'],
        conditions: [],
      }),
    ).toBeUndefined();
  });
});
