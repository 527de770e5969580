/** The knowledge base as shipped: the raw data files, imported (not read) so the package has no I/O. */
import conditions from './data/diagnosis/conditions.json' with { type: 'json' };
import associations from './data/diagnosis/associations.json' with { type: 'json' };
import findings from './data/diagnosis/findings.json' with { type: 'json' };
import redFlags from './data/diagnosis/red-flags.json' with { type: 'json' };
import diagnosisSources from './data/diagnosis/sources.json' with { type: 'json' };
import guidelineRules from './data/care/guideline-rules.json' with { type: 'json' };
import preventiveServices from './data/care/preventive-services.json' with { type: 'json' };
import careSources from './data/care/sources.json' with { type: 'json' };
import tests from './data/care/tests.json' with { type: 'json' };
import manifest from './data/manifest.json' with { type: 'json' };
import drugClasses from './data/therapeutics/drug-classes.json' with { type: 'json' };
import drugs from './data/therapeutics/drugs.json' with { type: 'json' };
import interactions from './data/therapeutics/interactions.json' with { type: 'json' };
import therapeuticsSources from './data/therapeutics/sources.json' with { type: 'json' };
import treatments from './data/therapeutics/treatments.json' with { type: 'json' };

/** Unvalidated file contents, keyed by what they hold. `buildKnowledgeBase` validates them. */
export interface KbFiles {
  manifest: unknown;
  sources: readonly unknown[];
  conditions: unknown;
  findings: unknown;
  associations: unknown;
  redFlags: unknown;
  drugClasses: unknown;
  drugs: unknown;
  interactions: unknown;
  treatments: unknown;
  tests: unknown;
  guidelineRules: unknown;
  preventiveServices: unknown;
}

export const shippedKbFiles: KbFiles = {
  manifest,
  sources: [...diagnosisSources, ...therapeuticsSources, ...careSources],
  conditions,
  findings,
  associations,
  redFlags,
  drugClasses,
  drugs,
  interactions,
  treatments,
  tests,
  guidelineRules,
  preventiveServices,
};
