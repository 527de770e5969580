/** The knowledge base's content: every file, validated. Kept apart so integrity checks can use it. */
import type {
  Association,
  Condition,
  Drug,
  DrugClass,
  Finding,
  GuidelineRule,
  Interaction,
  KbManifest,
  PreventiveService,
  RedFlagRule,
  Source,
  Test,
  Treatment,
} from './schema.js';

export interface KbContent {
  manifest: KbManifest;
  sources: readonly Source[];
  conditions: readonly Condition[];
  findings: readonly Finding[];
  associations: readonly Association[];
  redFlags: readonly RedFlagRule[];
  drugClasses: readonly DrugClass[];
  drugs: readonly Drug[];
  interactions: readonly Interaction[];
  treatments: readonly Treatment[];
  tests: readonly Test[];
  guidelineRules: readonly GuidelineRule[];
  preventiveServices: readonly PreventiveService[];
}
