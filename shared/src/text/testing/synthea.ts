/**
 * Test helper: Synthea's 10-patient Bulk Data sample beside the project (DocumentReference notes and
 * the MedicationRequests that are their ground truth), and a knowledge base of exactly those drugs
 * built from the RxNorm reference files (ingredient ← clinical drug ← branded drug).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildKnowledgeBase, type KnowledgeBase } from '../../kb/index.js';

export interface SyntheaNote {
  patient: string;
  encounter: string;
  text: string;
}

export interface SyntheaMedicationRequest {
  patient: string;
  encounter: string;
  rxcui: string;
  display: string;
}

interface Ref {
  reference?: string;
}

function ndjson(dir: string, type: string): unknown[] {
  const file = path.join(dir, 'synthea_bulk_10pt', `${type}.000.ndjson.gz`);
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

const id = (ref: Ref | undefined): string => (ref?.reference ?? '').split('/').pop() ?? '';

export function syntheaNotes(dir: string): SyntheaNote[] {
  return ndjson(dir, 'DocumentReference').map((raw) => {
    const doc = raw as {
      subject?: Ref;
      context?: { encounter?: Ref[] };
      content: { attachment: { data: string } }[];
    };
    return {
      patient: id(doc.subject),
      encounter: id(doc.context?.encounter?.[0]),
      text: Buffer.from(doc.content[0]?.attachment.data ?? '', 'base64').toString('utf8'),
    };
  });
}

export function syntheaMedicationRequests(dir: string): SyntheaMedicationRequest[] {
  return ndjson(dir, 'MedicationRequest').map((raw) => {
    const req = raw as {
      subject?: Ref;
      encounter?: Ref;
      medicationCodeableConcept?: { coding?: { code?: string; display?: string }[] };
    };
    const coding = req.medicationCodeableConcept?.coding?.[0];
    return {
      patient: id(req.subject),
      encounter: id(req.encounter),
      rxcui: coding?.code ?? '',
      display: coding?.display ?? '',
    };
  });
}

interface RxnormMaps {
  cuiToName: Record<string, string>;
  genericToIngredients: Record<string, string>;
  brandToGeneric: Record<string, string>;
}

/** Ingredient RxCUIs (one per ingredient of a combination) of a clinical or branded drug. */
export function ingredientsOf(maps: RxnormMaps, rxcui: string): string[] {
  const generic = maps.brandToGeneric[rxcui] ?? rxcui;
  const ingredient = maps.genericToIngredients[generic];
  if (ingredient === undefined) {
    return [];
  }
  const name = maps.cuiToName[ingredient] ?? '';
  if (!name.includes(' / ')) {
    return [ingredient];
  }
  const parts = new Set(name.toLowerCase().split(' / '));
  return Object.entries(maps.cuiToName)
    .filter(([, n]) => parts.has(n.toLowerCase()))
    .map(([cui]) => cui);
}

export function rxnormMaps(dir: string): RxnormMaps {
  return JSON.parse(
    readFileSync(path.join(dir, 'rxnorm', 'cds-hooks-sandbox-rxnorm-prices.json'), 'utf8'),
  ) as RxnormMaps;
}

/** A KB of the ingredients behind `rxcuis`, each with the clinical/branded drugs that resolve to it. */
export function rxnormKb(maps: RxnormMaps, rxcuis: Iterable<string>): KnowledgeBase {
  const drugs = new Map<string, Set<string>>();
  for (const rxcui of rxcuis) {
    for (const ingredient of ingredientsOf(maps, rxcui)) {
      const related = drugs.get(ingredient) ?? new Set<string>();
      if (rxcui !== ingredient) {
        related.add(rxcui);
      }
      drugs.set(ingredient, related);
    }
  }
  const sources = ['rxnorm-reference'];
  return buildKnowledgeBase({
    manifest: { version: '0.0.1', released: '2026-01-01', description: 'RxNorm reference fixture' },
    sources: [
      {
        id: 'rxnorm-reference',
        title: 'RxNorm (NLM), via CDS Hooks sandbox',
        publisher: 'NLM',
        year: 2024,
        licence: 'Apache-2.0',
      },
    ],
    findings: [],
    conditions: [],
    associations: [],
    redFlags: [],
    drugClasses: [{ id: 'any', display: 'Reference drugs', sources }],
    drugs: [...drugs].map(([rxcui, related]) => ({
      rxcui,
      name: (maps.cuiToName[rxcui] ?? rxcui).toLowerCase(),
      classes: ['any'],
      relatedRxcuis: [...related],
      sources,
    })),
    interactions: [],
    treatments: [],
    tests: [],
    guidelineRules: [],
    preventiveServices: [],
  });
}

export interface SyntheaCondition {
  patient: string;
  encounter: string;
  snomed: string;
  display: string;
}

export function syntheaConditions(dir: string): SyntheaCondition[] {
  return ndjson(dir, 'Condition').map((raw) => {
    const c = raw as {
      subject?: Ref;
      encounter?: Ref;
      code?: { coding?: { code?: string; display?: string }[] };
    };
    const coding = c.code?.coding?.[0];
    return {
      patient: id(c.subject),
      encounter: id(c.encounter),
      snomed: coding?.code ?? '',
      display: coding?.display ?? '',
    };
  });
}

/** Each `;`-separated item of a note's `# Medications` section, with its offsets. */
export function medicationListItems(text: string): { start: number; end: number; text: string }[] {
  const header = text.indexOf('# Medications');
  if (header < 0) {
    return [];
  }
  const start = text.indexOf('\n', header) + 1;
  const end = text.indexOf('\n#', start);
  const items: { start: number; end: number; text: string }[] = [];
  let from = start;
  for (const part of text.slice(start, end < 0 ? text.length : end).split(';')) {
    items.push({ start: from, end: from + part.length, text: part });
    from += part.length + 1;
  }
  return items;
}
