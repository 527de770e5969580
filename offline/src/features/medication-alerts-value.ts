/**
 * The `medication_alerts` view value: interactions among the active medications found by the shared
 * checker (local, the same one online uses). Memoised by medication list: most patients share lists.
 */
import type { FeatureValueOf, medicationAlerts } from '@mediassist/feature-store/definitions';
import { createInteractionChecker } from '@mediassist/shared/interactions';
import type { KnowledgeBase } from '@mediassist/shared/kb';

export type MedicationAlertsValue = FeatureValueOf<typeof medicationAlerts>;

const MAX_ALERTS = 200;

export function createMedicationAlerts(
  kb: Pick<KnowledgeBase, 'drugs' | 'interactions' | 'version'>,
): (activeRxcuis: readonly string[]) => MedicationAlertsValue {
  const checker = createInteractionChecker(kb);
  const memo = new Map<string, MedicationAlertsValue>();
  return (activeRxcuis) => {
    const key = [...activeRxcuis].sort().join(',');
    const known = memo.get(key);
    if (known) {
      return known;
    }
    const { warnings } = checker.check({ proposed: activeRxcuis, active: [] });
    const value: MedicationAlertsValue = {
      alerts: warnings.slice(0, MAX_ALERTS).map((w) => ({
        interactionId: w.interactionId,
        severity: w.severity,
        rxcuis: [w.drugs[0].rxcui, w.drugs[1].rxcui],
      })),
    };
    memo.set(key, value);
    return value;
  };
}
