/**
 * Which condition an ICD-10-CM or SNOMED CT code resolves to. A code belongs to one condition unless
 * the others listing it mark it in `sharedCodes` with the condition it resolves to; anything else is
 * an integrity problem (an ingest would otherwise code every record by whichever condition came first).
 */
import type { ErrorDetail } from '../errors.js';
import type { Condition } from './schema.js';

export type ConditionCodeSystem = 'icd10' | 'snomed';

export interface ConditionCodeIndex {
  /** Code → the condition it resolves to, per system. */
  readonly icd10: ReadonlyMap<string, Condition>;
  readonly snomed: ReadonlyMap<string, Condition>;
  readonly problems: readonly ErrorDetail[];
}

const codesOf = (c: Condition, system: ConditionCodeSystem): readonly string[] =>
  system === 'icd10' ? c.icd10 : c.snomed === undefined ? [] : [c.snomed];

function indexSystem(
  conditions: readonly Condition[],
  system: ConditionCodeSystem,
  problems: ErrorDetail[],
): Map<string, Condition> {
  const claimants = new Map<string, Condition[]>();
  for (const c of conditions) {
    for (const code of new Set(codesOf(c, system))) {
      claimants.set(code, [...(claimants.get(code) ?? []), c]);
    }
    for (const shared of c.sharedCodes ?? []) {
      if (shared.system === system && !codesOf(c, system).includes(shared.code)) {
        problems.push({
          path: `conditions.${c.id}.sharedCodes`,
          issue: `${system} ${shared.code} is marked shared but the condition does not list it`,
        });
      }
    }
  }
  const index = new Map<string, Condition>();
  for (const [code, list] of claimants) {
    const sharedBy = (c: Condition): string | undefined =>
      c.sharedCodes?.find((s) => s.system === system && s.code === code)?.resolvesTo;
    const owners = list.filter((c) => sharedBy(c) === undefined);
    const owner = owners[0];
    const ids = list.map((c) => c.id).join(', ');
    if (owners.length !== 1 || owner === undefined) {
      problems.push({
        path: `conditions.${system}.${code}`,
        issue:
          owners.length === 0
            ? `${system} ${code} is marked shared by every condition listing it (${ids}): one must own it`
            : `${system} ${code} is listed by ${owners.map((c) => c.id).join(' and ')}: a code belongs to one condition unless the others mark it in sharedCodes`,
      });
    }
    for (const c of list) {
      const target = sharedBy(c);
      if (target !== undefined && target !== owner?.id) {
        problems.push({
          path: `conditions.${c.id}.sharedCodes`,
          issue: `${system} ${code} resolves to ${target}, which does not own it (listed by ${ids})`,
        });
      }
    }
    if (owner !== undefined) {
      index.set(code, owner);
    }
  }
  return index;
}

export function indexConditionCodes(conditions: readonly Condition[]): ConditionCodeIndex {
  const problems: ErrorDetail[] = [];
  const icd10 = indexSystem(conditions, 'icd10', problems);
  const snomed = indexSystem(conditions, 'snomed', problems);
  return { icd10, snomed, problems };
}
