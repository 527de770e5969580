/** `kb-stats`: validates the shipped knowledge base and reports its version and entry counts. */
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { z } from 'zod';
import { defineJob } from './job.js';

export const kbStatsJob = defineJob({
  name: 'kb-stats',
  description: 'Validate the knowledge base and print its version and entry counts',
  args: z.object({}),
  run() {
    const kb = loadKnowledgeBase();
    return Promise.resolve({
      kbVersion: kb.version,
      sources: kb.sources.length,
      conditions: kb.conditions.length,
      findings: kb.findings.length,
      associations: kb.associations.length,
      redFlags: kb.redFlags.length,
      drugs: kb.drugs.length,
      interactions: kb.interactions.length,
      treatments: kb.treatments.length,
      tests: kb.tests.length,
      guidelineRules: kb.guidelineRules.length,
      preventiveServices: kb.preventiveServices.length,
    });
  },
});
