/** What a generation run needs in every worker: serialisable, so it crosses `worker_threads`. */
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createIdentityFactory } from './identity.js';
import { createPhraseBook } from './note-phrases.js';
import { createPatientGenerator, type PatientGenerator } from './patient-generator.js';
import { DAY_MS, YEAR_MS } from './patient-profile.js';
import { createWorldModel } from './world-model.js';

export interface GenerationConfig {
  seed: number;
  /** Seeds the true world (KB perturbations); the same world for every `seed` by default. */
  worldSeed: number;
  years: number;
  /** Last day of the export (ISO date); visits happen up to its end. */
  endDate: string;
  /** Share of finding mentions written with a typo. */
  typoRate: number;
}

export const DEFAULT_WORLD_SEED = 20_240_601;
export const DEFAULT_TYPO_RATE = 0.03;

export function exportWindow(config: Pick<GenerationConfig, 'years' | 'endDate'>): {
  startMs: number;
  endMs: number;
} {
  const endMs = Date.parse(`${config.endDate}T00:00:00Z`) + DAY_MS;
  return { startMs: Math.round(endMs - config.years * YEAR_MS), endMs };
}

/** Loads the KB and builds the world and a patient generator (about 0.2 s). */
export function createGeneratorFromConfig(config: GenerationConfig): PatientGenerator {
  const kb = loadKnowledgeBase();
  const world = createWorldModel({ kb, worldSeed: config.worldSeed });
  return createPatientGenerator({
    world,
    seed: config.seed,
    ...exportWindow(config),
    identities: createIdentityFactory(),
    phrases: createPhraseBook({ typoRate: config.typoRate }),
  });
}
