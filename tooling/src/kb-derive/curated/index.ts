/** All curated tables, gathered for the derivation. */
import type { CodeLedger } from '../code-checks.js';
import { CODE_EVIDENCE } from './code-evidence.js';
import { CONDITION_CODE_CHECKS } from './condition-codes.js';
import { CARDIOVASCULAR_CONDITIONS } from './conditions-cardiovascular.js';
import { ENDOCRINE_HAEM_CONDITIONS } from './conditions-endocrine-haem.js';
import { EYE_ENT_GENERAL_CONDITIONS } from './conditions-eye-ent-general.js';
import { GASTROINTESTINAL_CONDITIONS } from './conditions-gastrointestinal.js';
import { GENITOURINARY_CONDITIONS, SEXUAL_HEALTH_CONDITIONS } from './conditions-genitourinary.js';
import { MUSCULOSKELETAL_CONDITIONS } from './conditions-musculoskeletal.js';
import { NEUROLOGICAL_CONDITIONS } from './conditions-neurological.js';
import { ONCOLOGY_CONDITIONS } from './conditions-oncology.js';
import { PSYCHIATRIC_CONDITIONS } from './conditions-psychiatric.js';
import { REPRODUCTIVE_CONDITIONS } from './conditions-reproductive.js';
import { RESPIRATORY_CONDITIONS } from './conditions-respiratory.js';
import { SKIN_CONDITIONS } from './conditions-skin.js';
import { FINDING_CODES } from './finding-codes.js';
import { CARDIOVASCULAR_FINDINGS } from './findings-cardiovascular.js';
import { ENT_EYE_FINDINGS } from './findings-ent-eye.js';
import { GASTROINTESTINAL_FINDINGS } from './findings-gastrointestinal.js';
import { GENERAL_FINDINGS } from './findings-general.js';
import { GENITOURINARY_FINDINGS } from './findings-genitourinary.js';
import { HISTORY_FINDINGS } from './findings-history.js';
import { LOCAL_FINDINGS } from './local-findings.js';
import { MSK_SKIN_FINDINGS } from './findings-msk-skin.js';
import { NEURO_PSYCH_FINDINGS } from './findings-neuro-psych.js';
import { RESPIRATORY_FINDINGS } from './findings-respiratory.js';
import { VITAL_LAB_FINDINGS } from './findings-vitals-labs.js';
import { RED_FLAGS } from './red-flags.js';
import { SOURCES } from './sources.js';
import type { CuratedCondition, CuratedFinding, CuratedRedFlag, CuratedSource } from './types.js';

export interface CuratedKb {
  sources: CuratedSource[];
  findings: CuratedFinding[];
  conditions: CuratedCondition[];
  redFlags: CuratedRedFlag[];
}

export const CURATED: CuratedKb = {
  sources: SOURCES,
  findings: [
    ...GENERAL_FINDINGS,
    ...RESPIRATORY_FINDINGS,
    ...ENT_EYE_FINDINGS,
    ...CARDIOVASCULAR_FINDINGS,
    ...GASTROINTESTINAL_FINDINGS,
    ...GENITOURINARY_FINDINGS,
    ...NEURO_PSYCH_FINDINGS,
    ...MSK_SKIN_FINDINGS,
    ...HISTORY_FINDINGS,
    ...VITAL_LAB_FINDINGS,
  ],
  conditions: [
    ...RESPIRATORY_CONDITIONS,
    ...CARDIOVASCULAR_CONDITIONS,
    ...GASTROINTESTINAL_CONDITIONS,
    ...GENITOURINARY_CONDITIONS,
    ...SEXUAL_HEALTH_CONDITIONS,
    ...REPRODUCTIVE_CONDITIONS,
    ...NEUROLOGICAL_CONDITIONS,
    ...PSYCHIATRIC_CONDITIONS,
    ...ENDOCRINE_HAEM_CONDITIONS,
    ...MUSCULOSKELETAL_CONDITIONS,
    ...SKIN_CONDITIONS,
    ...EYE_ENT_GENERAL_CONDITIONS,
    ...ONCOLOGY_CONDITIONS,
  ],
  redFlags: RED_FLAGS,
};

/** The code ledger: verified finding codes, reasons for local ones, checked condition codes. */
export const CODE_LEDGER: CodeLedger = {
  findingCodes: FINDING_CODES,
  localFindings: LOCAL_FINDINGS,
  conditionChecks: CONDITION_CODE_CHECKS,
  evidenceIds: new Set(CODE_EVIDENCE.map((e) => e.id)),
};
