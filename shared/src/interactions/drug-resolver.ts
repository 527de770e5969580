/**
 * Resolves a DrugRef to the knowledge base's ingredients: RxCUI (ingredient, clinical or branded drug,
 * a combination product resolving to every ingredient) or a generic, brand or synonym name
 * (paracetamol; co-amoxiclav to both ingredients), case-insensitive.
 */
import type { Drug, KnowledgeBase } from '../kb/index.js';
import { isRxcui, type DrugRef } from './drug-ref.js';

export interface DrugResolution {
  drugs: readonly Drug[];
  /** Parts of a combination name (`a / b`) that matched nothing. */
  unresolvedParts: readonly string[];
}

export interface DrugResolver {
  resolve(ref: DrugRef): DrugResolution;
}

/** Salt, release and dose-form words that names carry but ingredients do not. */
const NOISE_WORDS = new Set([
  'hydrochloride',
  'hcl',
  'sodium',
  'potassium',
  'calcium',
  'magnesium',
  'succinate',
  'tartrate',
  'besylate',
  'maleate',
  'mesylate',
  'sulfate',
  'bitartrate',
  'citrate',
  'acetate',
  'fumarate',
  'bromide',
  'oral',
  'tablet',
  'tablets',
  'capsule',
  'capsules',
  'solution',
  'suspension',
  'injection',
  'spray',
  'inhaler',
  'patch',
  'plaster',
  'er',
  'xr',
  'sr',
  'xl',
  'cr',
  'dr',
  'extended',
  'delayed',
  'release',
]);

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Name variants to try, most specific first: as given, before any strength, without noise words. */
function variants(name: string): string[] {
  const base = normalise(name);
  const bracket = /\[([^\]]+)\]/.exec(base)?.[1]?.trim();
  const beforeDigits =
    base
      .replace(/\[[^\]]*\]/g, ' ')
      .split(/\d/)[0]
      ?.trim() ?? '';
  const words = beforeDigits.split(' ').filter((w) => w !== '');
  while (words.length > 1 && NOISE_WORDS.has(words[words.length - 1] ?? '')) {
    words.pop();
  }
  const stripped = words.filter((w) => !NOISE_WORDS.has(w)).join(' ');
  return [...new Set([base, bracket, beforeDigits, words.join(' '), stripped])].filter(
    (v): v is string => v !== undefined && v !== '',
  );
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [value]);
  } else if (!list.includes(value)) {
    list.push(value);
  }
}

export function createDrugResolver(kb: Pick<KnowledgeBase, 'drugs'>): DrugResolver {
  const byCode = new Map<string, Drug[]>();
  const byName = new Map<string, Drug[]>();
  for (const drug of kb.drugs) {
    for (const code of [drug.rxcui, ...drug.relatedRxcuis]) {
      push(byCode, code, drug);
    }
    for (const name of [drug.name, ...drug.brands, ...(drug.synonyms ?? []).map((s) => s.name)]) {
      push(byName, normalise(name), drug);
    }
  }

  const byAnyName = (name: string): readonly Drug[] => {
    for (const candidate of variants(name)) {
      const hit = byName.get(candidate);
      if (hit) {
        return hit;
      }
    }
    return [];
  };

  return {
    resolve(ref) {
      if (isRxcui(ref)) {
        const drugs = byCode.get(ref.trim()) ?? [];
        return { drugs, unresolvedParts: drugs.length === 0 ? [ref] : [] };
      }
      const whole = byAnyName(ref);
      if (whole.length > 0 || !ref.includes('/')) {
        return { drugs: whole, unresolvedParts: whole.length === 0 ? [ref] : [] };
      }
      const drugs: Drug[] = [];
      const unresolvedParts: string[] = [];
      for (const part of ref
        .split('/')
        .map((p) => p.trim())
        .filter((p) => p !== '')) {
        const found = byAnyName(part);
        if (found.length === 0) {
          unresolvedParts.push(part);
        }
        for (const drug of found) {
          if (!drugs.includes(drug)) {
            drugs.push(drug);
          }
        }
      }
      return { drugs, unresolvedParts };
    },
  };
}
