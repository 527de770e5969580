/** Publishes and promotes an ONNX model the real service accepts (the shipped KB's full layout). */
import {
  createFileModelRegistry,
  type ModelRegistry,
} from '@mediassist/feature-store/model-registry';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { createDiagnosisInputLayout } from '@mediassist/shared/model';
import { fullInputSpec } from '../assist/testing/assist-fixture.js';
import { buildTestDiagnosisModel } from '../model/testing/onnx-test-model.js';
import { publishTestModel, testManifest } from '../model/testing/test-model.js';

export async function promoteServingModel(options: {
  kb: KnowledgeBase;
  registryDir: string;
  version: string;
}): Promise<ModelRegistry> {
  const { kb, version } = options;
  const registry = createFileModelRegistry({ root: options.registryDir });
  const input = fullInputSpec(kb);
  const classes = kb.conditions.map((c) => c.id);
  await publishTestModel({
    registry,
    manifest: testManifest({ version, input, classes, kbVersion: kb.version }),
    bytes: buildTestDiagnosisModel({
      inputSize: createDiagnosisInputLayout(input).size,
      classes: classes.length,
    }),
  });
  await registry.promote({ version, reason: 'fault-injection run' });
  return registry;
}
