/** Test helper: a generated population held in memory, resources parsed and grouped by type. */
import type { Resource } from '@medplum/fhirtypes';
import { loadKnowledgeBase, type KnowledgeBase } from '@mediassist/shared/kb';
import { RESOURCE_TYPES, type ResourceType } from '../emit-encounter.js';
import { exportWindow, type GenerationConfig } from '../generation-config.js';
import { createIdentityFactory } from '../identity.js';
import { createPhraseBook } from '../note-phrases.js';
import { createPatientGenerator } from '../patient-generator.js';
import { createWorldModel, type WorldModel } from '../world-model.js';

export const TEST_CONFIG: GenerationConfig = {
  seed: 7,
  worldSeed: 11,
  years: 8,
  endDate: '2026-10-31',
  typoRate: 0.03,
};

export interface InMemoryExport {
  kb: KnowledgeBase;
  world: WorldModel;
  resources: Record<ResourceType, Resource[]>;
  lines: Record<ResourceType, string[]>;
  encounters: number;
}

export function generateInMemory(
  patients: number,
  config: GenerationConfig = TEST_CONFIG,
): InMemoryExport {
  const kb = loadKnowledgeBase();
  const world = createWorldModel({ kb, worldSeed: config.worldSeed });
  const generator = createPatientGenerator({
    world,
    seed: config.seed,
    ...exportWindow(config),
    identities: createIdentityFactory(),
    phrases: createPhraseBook({ typoRate: config.typoRate }),
  });
  const lines = Object.fromEntries(RESOURCE_TYPES.map((t) => [t, [] as string[]])) as Record<
    ResourceType,
    string[]
  >;
  let encounters = 0;
  for (let i = 0; i < patients; i++) {
    encounters += generator.generate(i, {
      write: (type, json) => lines[type].push(json),
    }).encounters;
  }
  const resources = Object.fromEntries(
    RESOURCE_TYPES.map((t) => [t, lines[t].map((l) => JSON.parse(l) as Resource)]),
  ) as Record<ResourceType, Resource[]>;
  return { kb, world, resources, lines, encounters };
}
