import { describe, expect, it } from 'vitest';
import { shippedKb } from '../testing/cds-test-app.js';
import { isMonitoringRule } from './chronic-care-cards.js';

describe('isMonitoringRule', () => {
  it('lists which shipped guideline rules count as monitoring for a chronic condition', () => {
    const kb = shippedKb();
    const chronic = new Set(kb.conditions.filter((c) => c.course === 'chronic').map((c) => c.id));
    const monitoring = kb.guidelineRules
      .filter((r) => isMonitoringRule(r) && r.when.anyConditions.some((c) => chronic.has(c)))
      .map((r) => r.id);
    // A change here is a clinical change: review it (new and suspected cases are work-up, not monitoring).
    expect(monitoring).toEqual([
      'diabetes-glycaemic-monitoring',
      'diabetes-kidney-monitoring',
      'diabetes-retinal-screening',
      'diabetes-foot-examination',
      'diabetes-lipid-monitoring',
      'ida-gi-investigation-men',
      'ida-gi-investigation-postmenopausal',
      'osteoporosis-assessment',
    ]);
  });
});
