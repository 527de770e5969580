export {
  createFileModelRegistry,
  type ModelRegistry,
  type PublishOptions,
} from './file-model-registry.js';
export {
  CanaryPointerSchema,
  ProductionPointerSchema,
  RegistryEventSchema,
  type CanaryPointer,
  type ProductionPointer,
  type RegistryEvent,
} from './pointers.js';
export { registryLayout, type RegistryLayout } from './registry-layout.js';
export { canaryServes } from './canary-routing.js';
