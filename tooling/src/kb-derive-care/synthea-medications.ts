/**
 * Maps the RxNorm codes Synthea prescribes (often absent from the sandbox RxNorm file) to catalog
 * ingredients, from their display text: the longest ingredient or brand names found in it win.
 */

export interface CodedMedication {
  code: string;
  display: string;
}

export interface NameIndexEntry {
  /** Catalog drug name. */
  drug: string;
  /** Lower-case text to look for: ingredient, RxNorm name or brand. */
  term: string;
}

/** Synthea products whose display names no ingredient (contraceptive packs, typos, combined insulins). */
export const SYNTHEA_OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  '316672': ['simvastatin'],
  '2001499': ['cyanocobalamin'],
  '106892': ['insulin regular human'],
  '757594': ['norethindrone'],
  '748962': ['norethindrone'],
  '831533': ['norethindrone'],
  '751905': ['ethinyl estradiol'],
  '748856': ['ethinyl estradiol'],
  '749762': ['ethinyl estradiol', 'levonorgestrel'],
  '748879': ['ethinyl estradiol', 'levonorgestrel'],
  '749785': ['ethinyl estradiol'],
  '1359133': ['ethinyl estradiol', 'norethindrone'],
  '749882': ['norethindrone'],
  '1367439': ['ethinyl estradiol'],
  '1534809': ['ethinyl estradiol'],
  '978950': ['estradiol'],
  '807283': ['levonorgestrel'],
  '1605257': ['levonorgestrel'],
  '1856546': ['levonorgestrel'],
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The catalog drugs named in a display text; overlapping matches keep the longest term. */
export function drugsNamedIn(display: string, index: readonly NameIndexEntry[]): string[] {
  const text = display.toLowerCase();
  const hits: { start: number; end: number; drug: string }[] = [];
  for (const { drug, term } of index) {
    const pattern = new RegExp(`(^|[^a-z0-9])${escape(term)}(?=$|[^a-z0-9])`, 'g');
    for (const match of text.matchAll(pattern)) {
      const start = match.index + (match[1]?.length ?? 0);
      hits.push({ start, end: start + term.length, drug });
    }
  }
  hits.sort((x, y) => y.end - y.start - (x.end - x.start));
  const kept: typeof hits = [];
  for (const hit of hits) {
    if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) {
      kept.push(hit);
    }
  }
  return [...new Set(kept.map((k) => k.drug))].sort();
}

export interface SyntheaMapping {
  /** Catalog drug name → Synthea codes that resolve to it. */
  byDrug: Map<string, string[]>;
  unresolved: CodedMedication[];
}

/** Codes already known (`alreadyResolved`) are skipped; the rest go by override, then by text. */
export function mapSyntheaMedications(options: {
  medications: readonly CodedMedication[];
  index: readonly NameIndexEntry[];
  alreadyResolved: ReadonlySet<string>;
}): SyntheaMapping {
  const byDrug = new Map<string, string[]>();
  const unresolved: CodedMedication[] = [];
  for (const med of options.medications) {
    if (options.alreadyResolved.has(med.code)) {
      continue;
    }
    const drugs = SYNTHEA_OVERRIDES[med.code] ?? drugsNamedIn(med.display, options.index);
    if (drugs.length === 0) {
      unresolved.push(med);
    }
    for (const drug of drugs) {
      byDrug.set(drug, [...(byDrug.get(drug) ?? []), med.code]);
    }
  }
  return { byDrug, unresolved };
}
