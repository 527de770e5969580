import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { exportWindow } from './generation-config.js';
import { createIdentityFactory } from './identity.js';
import { createPhraseBook } from './note-phrases.js';
import { createPatientGenerator } from './patient-generator.js';
import { TEST_CONFIG } from './testing/in-memory-export.js';
import { createWorldModel } from './world-model.js';
import { loadKnowledgeBase } from '@mediassist/shared/kb';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('patient generator memory', () => {
  it('keeps nothing from one patient to the next (heap flat over thousands of patients)', () => {
    const world = createWorldModel({ kb: loadKnowledgeBase(), worldSeed: TEST_CONFIG.worldSeed });
    const generator = createPatientGenerator({
      world,
      seed: 1,
      ...exportWindow(TEST_CONFIG),
      identities: createIdentityFactory(),
      phrases: createPhraseBook({ typoRate: 0.03 }),
    });
    let bytes = 0;
    const sink = { write: (_type: string, json: string) => void (bytes += json.length) };
    const heapAfter = (from: number, to: number): number => {
      for (let i = from; i < to; i++) {
        generator.generate(i, sink);
      }
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const warm = heapAfter(0, 300);
    const later = heapAfter(300, 1500);
    expect(bytes).toBeGreaterThan(100_000_000);
    // 1,200 more patients (~130 MB of JSON) may not leave more than a few MB behind.
    expect(later - warm).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);
});
