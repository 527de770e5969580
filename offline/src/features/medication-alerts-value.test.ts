import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { createMedicationAlerts } from './medication-alerts-value.js';

const alertsOf = createMedicationAlerts(loadKnowledgeBase());

describe('medication_alerts value', () => {
  it('flags interacting active medications by ingredient RxCUI', () => {
    // lisinopril (ACE inhibitor) + spironolactone (potassium-sparing diuretic): hyperkalaemia.
    expect(alertsOf(['29046', '6809', '9997'])).toEqual({
      alerts: [
        {
          interactionId: 'raas-potassium-sparing-diuretic',
          severity: 'major',
          rxcuis: ['29046', '9997'],
        },
      ],
    });
  });

  it('returns no alerts for a single drug, an empty list or unknown codes', () => {
    expect(alertsOf(['29046'])).toEqual({ alerts: [] });
    expect(alertsOf([])).toEqual({ alerts: [] });
    expect(alertsOf(['99999999'])).toEqual({ alerts: [] });
  });

  it('gives the same value for the same list in any order', () => {
    expect(alertsOf(['9997', '29046'])).toEqual(alertsOf(['29046', '9997']));
  });
});
