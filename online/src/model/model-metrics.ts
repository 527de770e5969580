/** Model load outcomes as a Prometheus counter, on the service's registry (alerts on failed loads). */
import { Counter, type Registry } from 'prom-client';
import type { ModelLoadEvent } from './model-holder.js';

export function createModelLoadCounter(registry: Registry): (event: ModelLoadEvent) => void {
  const loads = new Counter({
    name: 'mediassist_model_loads_total',
    help: 'Diagnosis model loads by role and outcome (a failed load keeps the last good model)',
    labelNames: ['role', 'outcome'] as const,
    registers: [registry],
  });
  return (event) => {
    loads.inc({ role: event.role, outcome: event.outcome });
  };
}
