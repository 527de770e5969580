/**
 * The findings' and conditions' codes: applies the verified-code ledger to findings without a code
 * of their own and checks every code the derivation writes (check digits, CUI shape, ledger
 * references, one reason for every local code, condition codes against their recorded checks).
 * Pure: no I/O.
 */
import type { ConditionCodeCheck } from './curated/condition-codes.js';
import type { VerifiedCode } from './curated/finding-codes.js';
import type { LocalFinding } from './curated/local-findings.js';
import { SNOMED, UMLS, type CuratedCondition, type CuratedFinding } from './curated/types.js';
import { isValidConceptId } from './snomed-id.js';

/** Findings without a reliable standard code get a local one in this system. */
export const LOCAL_FINDING_SYSTEM = 'urn:mediassist:kb:finding';

export interface CodeLedger {
  findingCodes: Readonly<Record<string, VerifiedCode>>;
  localFindings: ReadonlyMap<string, LocalFinding>;
  conditionChecks: Readonly<Record<string, ConditionCodeCheck>>;
  evidenceIds: ReadonlySet<string>;
}

export interface FindingCoding {
  system: string;
  code: string;
  display?: string;
}

/**
 * The ledger's code (with the display its source shows), else the finding's own code, else a local
 * code. A ledger entry may also confirm a code the finding already has (they must then agree).
 */
export function resolveFindingCode(f: CuratedFinding, ledger: CodeLedger): FindingCoding {
  const verified = ledger.findingCodes[f.id];
  if (verified) {
    return { ...verified.code, display: verified.display };
  }
  if (f.code) {
    return { system: f.code.system, code: f.code.code };
  }
  return { system: LOCAL_FINDING_SYSTEM, code: f.id };
}

export interface CheckCodesInput {
  findings: readonly CuratedFinding[];
  conditions: readonly CuratedCondition[];
  ledger: CodeLedger;
  /** UMLS CUIs of the Columbia symptom file, which shows each with its name. */
  columbiaCuis: ReadonlySet<string>;
}

const CUI = /^C\d{7}$/;

function checkCoding(where: string, coding: FindingCoding, problems: string[]): void {
  if (coding.system === SNOMED && !isValidConceptId(coding.code)) {
    problems.push(`${where}: SNOMED CT id ${coding.code} fails the check digit`);
  }
  if (coding.system === UMLS && !CUI.test(coding.code)) {
    problems.push(`${where}: ${coding.code} is not a UMLS CUI`);
  }
}

export function checkCodes(input: CheckCodesInput): { problems: string[]; notes: string[] } {
  const { ledger } = input;
  const problems: string[] = [];
  const findingIds = new Set(input.findings.map((f) => f.id));
  const conditionIds = new Set(input.conditions.map((c) => c.id));
  const counts = { ledger: 0, authorSnomed: 0, columbiaCui: 0, otherCui: 0 };
  const localReasons = new Map<string, number>();
  const codeOwner = new Map<string, string>();

  for (const [id, verified] of Object.entries(ledger.findingCodes)) {
    if (!findingIds.has(id)) {
      problems.push(`code ledger: unknown finding ${id}`);
    }
    for (const via of verified.via) {
      if (!ledger.evidenceIds.has(via)) {
        problems.push(`code ledger ${id}: unknown evidence ${via}`);
      }
    }
  }
  for (const id of ledger.localFindings.keys()) {
    if (!findingIds.has(id)) {
      problems.push(`local findings: unknown finding ${id}`);
    }
  }
  for (const f of input.findings) {
    const coding = resolveFindingCode(f, ledger);
    const local = ledger.localFindings.get(f.id);
    const verified = ledger.findingCodes[f.id];
    if (
      f.code &&
      verified &&
      (f.code.system !== verified.code.system || f.code.code !== verified.code.code)
    ) {
      problems.push(
        `finding ${f.id}: its code ${f.code.code} differs from the ledger's ${verified.code.code}`,
      );
    }
    if (coding.system === LOCAL_FINDING_SYSTEM) {
      if (local) {
        localReasons.set(local.reason, (localReasons.get(local.reason) ?? 0) + 1);
      } else {
        problems.push(`finding ${f.id}: local code without a recorded reason`);
      }
    } else if (local) {
      problems.push(`finding ${f.id}: coded, but also listed as local`);
    }
    checkCoding(`finding ${f.id}`, coding, problems);
    const key = `${coding.system}|${coding.code}`;
    const owner = codeOwner.get(key);
    if (owner !== undefined) {
      problems.push(`code ${key} used by both ${owner} and ${f.id}`);
    }
    codeOwner.set(key, f.id);
    if (verified) {
      counts.ledger += 1;
    } else if (coding.system === SNOMED) {
      counts.authorSnomed += 1;
    } else if (coding.system === UMLS) {
      if (input.columbiaCuis.has(coding.code)) {
        counts.columbiaCui += 1;
      } else {
        counts.otherCui += 1;
      }
    }
  }

  let checked = 0;
  for (const c of input.conditions) {
    if (c.snomed !== undefined && !isValidConceptId(c.snomed)) {
      problems.push(`condition ${c.id}: SNOMED CT id ${c.snomed} fails the check digit`);
    }
    const check = ledger.conditionChecks[c.id];
    if (check) {
      checked += 1;
      if (check.snomed !== c.snomed) {
        problems.push(
          `condition ${c.id}: snomed ${c.snomed ?? 'none'} differs from its check (${check.snomed} ${check.display})`,
        );
      }
    }
  }
  for (const [id, check] of Object.entries(ledger.conditionChecks)) {
    if (!conditionIds.has(id)) {
      problems.push(`condition checks: unknown condition ${id}`);
    }
    for (const via of check.via) {
      if (!ledger.evidenceIds.has(via)) {
        problems.push(`condition check ${id}: unknown evidence ${via}`);
      }
    }
  }

  const local = [...localReasons].map(([reason, n]) => `${String(n)} ${reason}`).join(', ');
  const notes = [
    `finding codes: ${String(counts.ledger)} SNOMED CT verified (ledger), ${String(counts.authorSnomed)} SNOMED CT from the author, not re-verified, ${String(counts.columbiaCui)} UMLS CUIs shown by Columbia, ${String(counts.otherCui)} other CUIs, local: ${local}`,
    `condition codes: ${String(checked)} of ${String(input.conditions.length)} checked against public sources`,
  ];
  return { problems, notes };
}
