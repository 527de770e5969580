/**
 * Builds interactions.json: the ONC high-priority groups expanded from the ONC table, plus the curated
 * rules, with drug names resolved to ingredient RxCUIs. Fails loudly on any name it cannot resolve.
 */
import type { OncGroupSpec } from './rules/onc-groups.js';
import type { CuratedRule, Severity } from './rules/rule.js';

export interface SelectorEntry {
  rxcuis: string[];
  classes: string[];
}

export interface InteractionEntry {
  id: string;
  a: SelectorEntry;
  b: SelectorEntry;
  also?: SelectorEntry;
  severity: Severity;
  mechanism: string;
  consequence: string;
  management: string;
  oncGroup?: number;
  sources: string[];
}

export interface OncGroupRow {
  group: number;
  objectDrugs: string[];
  precipitantDrugs: string[];
}

export interface Resolver {
  rxcuiOf(drugName: string): string | undefined;
  hasClass(id: string): boolean;
}

/** Parses the ONC groups CSV records (`object_drugs`, `precipitant_drugs` are `|`-separated). */
export function oncGroupRows(
  records: readonly Record<string, string>[],
  aliases: Readonly<Record<string, string>>,
): OncGroupRow[] {
  const names = (cell: string | undefined): string[] => [
    ...new Set(
      (cell ?? '')
        .split('|')
        .map((n) => n.trim().toLowerCase())
        .filter((n) => n !== '')
        .map((n) => aliases[n] ?? n),
    ),
  ];
  return records.map((r) => ({
    group: Number(r['group_id']),
    objectDrugs: names(r['object_drugs']),
    precipitantDrugs: names(r['precipitant_drugs']),
  }));
}

function selector(entries: readonly string[], resolver: Resolver, where: string): SelectorEntry {
  const out: SelectorEntry = { rxcuis: [], classes: [] };
  for (const entry of entries) {
    if (entry.startsWith('@')) {
      const id = entry.slice(1);
      if (!resolver.hasClass(id)) {
        throw new Error(`${where}: unknown class ${id}`);
      }
      out.classes.push(id);
    } else {
      const rxcui = resolver.rxcuiOf(entry);
      if (rxcui === undefined) {
        throw new Error(`${where}: unknown drug ${entry}`);
      }
      out.rxcuis.push(rxcui);
    }
  }
  return out;
}

const ONC_SOURCES = ['onc-phansalkar-2012', 'fda-dailymed', 'bnf-interactions'];

export function buildOncInteractions(options: {
  specs: readonly OncGroupSpec[];
  rows: readonly OncGroupRow[];
  resolver: Resolver;
}): InteractionEntry[] {
  const { specs, rows, resolver } = options;
  if (rows.length !== specs.length) {
    throw new Error(`ONC table has ${String(rows.length)} groups, specs ${String(specs.length)}`);
  }
  return specs.flatMap((spec) => {
    const row = rows.find((r) => r.group === spec.group);
    if (!row) {
      throw new Error(`ONC group ${String(spec.group)} missing from the table`);
    }
    const keep = (n: string): boolean => spec.ignore?.[n] === undefined;
    const objects = row.objectDrugs.filter(keep);
    let remaining = [...row.precipitantDrugs, ...(spec.addPrecipitants ?? [])].filter(keep);
    return spec.splits.map((split): InteractionEntry => {
      let precipitants: string[];
      if (split.precipitants) {
        const missing = split.precipitants.filter((p) => !remaining.includes(p));
        if (missing.length > 0) {
          throw new Error(`ONC ${String(spec.group)}: ${missing.join(', ')} not in the table`);
        }
        precipitants = [...split.precipitants];
        remaining = remaining.filter((p) => !precipitants.includes(p));
      } else {
        precipitants = remaining;
        remaining = [];
      }
      if (precipitants.length === 0 && !spec.classSelector) {
        throw new Error(`ONC ${String(spec.group)}${split.idSuffix}: no precipitants left`);
      }
      const where = `${spec.id}${split.idSuffix}`;
      const classSide = spec.classSelector ? [`@${spec.classSelector}`] : undefined;
      return {
        id: where,
        a: selector(classSide ?? objects, resolver, where),
        b: selector(classSide ?? precipitants, resolver, where),
        severity: split.severity,
        mechanism: spec.mechanism,
        consequence: spec.consequence,
        management: split.management,
        oncGroup: spec.group,
        sources: spec.classSelector ? [...ONC_SOURCES, 'crediblemeds-qt'] : ONC_SOURCES,
      };
    });
  });
}

export function buildCuratedInteractions(
  rules: readonly CuratedRule[],
  resolver: Resolver,
): InteractionEntry[] {
  return rules.map((rule) => ({
    id: rule.id,
    a: selector(rule.a, resolver, rule.id),
    b: selector(rule.b, resolver, rule.id),
    ...(rule.also ? { also: selector(rule.also, resolver, rule.id) } : {}),
    severity: rule.severity,
    mechanism: rule.mechanism,
    consequence: rule.consequence,
    management: rule.management,
    sources: [...rule.sources],
  }));
}
