import type { AssistResponse } from '@mediassist/shared/api';
import type { PatientId } from '@mediassist/shared/ids';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { AssistService } from '../assist/assist-service.js';
import type { DiagnosisModel, DiagnosisModelSource } from '../model/diagnosis-model.js';
import {
  createModelVersionMetrics,
  MODEL_DURATION_METRIC,
  MODEL_REQUESTS_METRIC,
  withModelVersionMetrics,
} from './model-version-metrics.js';

const PATIENT = `pt_${'b'.repeat(32)}` as PatientId;

function serviceAnswering(provenance: Partial<AssistResponse['provenance']>): AssistService {
  return {
    patientId: () => PATIENT,
    assist: () =>
      Promise.resolve({
        provenance: { modelVersion: null, modelRole: null, fallbackReason: null, ...provenance },
      } as unknown as AssistResponse),
  };
}

const canaryRouted: DiagnosisModelSource = {
  select: () => ({ model: { version: 'v-canary' } as DiagnosisModel, role: 'canary' }),
  status: () => ({ state: 'loaded', version: 'v-prod' }),
};

async function lines(registry: Registry): Promise<string[]> {
  return (await registry.metrics()).split('\n').filter((l) => !l.startsWith('#'));
}

describe('withModelVersionMetrics', () => {
  it('counts and times an answer under the version and role that served it', async () => {
    const registry = new Registry();
    const service = withModelVersionMetrics({
      service: serviceAnswering({ modelVersion: 'v-prod', modelRole: 'production' }),
      models: canaryRouted,
      metrics: createModelVersionMetrics({ registry }),
    });
    await service.assist({ request: {} as never, patientId: PATIENT });
    const text = await lines(registry);
    expect(text).toContain(
      `${MODEL_REQUESTS_METRIC}{model_version="v-prod",model_role="production",outcome="model"} 1`,
    );
    expect(text).toContain(
      `${MODEL_DURATION_METRIC}_count{model_version="v-prod",model_role="production"} 1`,
    );
  });

  it('attributes a fallback to the model the patient is routed to, and to none without one', async () => {
    const registry = new Registry();
    const metrics = createModelVersionMetrics({ registry });
    const failing = serviceAnswering({ fallbackReason: 'model-timeout' });
    await withModelVersionMetrics({ service: failing, models: canaryRouted, metrics }).assist({
      request: {} as never,
      patientId: PATIENT,
    });
    await withModelVersionMetrics({
      service: serviceAnswering({ fallbackReason: 'model-absent' }),
      models: undefined,
      metrics,
    }).assist({ request: {} as never, patientId: PATIENT });
    const text = await lines(registry);
    expect(text).toContain(
      `${MODEL_REQUESTS_METRIC}{model_version="v-canary",model_role="canary",outcome="model-timeout"} 1`,
    );
    expect(text).toContain(
      `${MODEL_REQUESTS_METRIC}{model_version="none",model_role="none",outcome="model-absent"} 1`,
    );
  });
});
