/**
 * Indexes the CDS Hooks sandbox RxNorm file (NLM RxNorm content, Apache-2.0 packaging) so each curated
 * ingredient can collect its RxCUI, the clinical/branded drugs that contain it, and their brand names.
 */

/** The three maps of `cds-hooks-sandbox-rxnorm-prices.json` this derivation uses. */
export interface RxnormSandbox {
  cuiToName: Readonly<Record<string, string>>;
  /** Clinical drug (SCD) → ingredient (IN) or multiple-ingredient concept (MIN). */
  genericToIngredients: Readonly<Record<string, string>>;
  /** Branded drug (SBD) → clinical drug (SCD). */
  brandToGeneric: Readonly<Record<string, string>>;
}

export interface IngredientCodes {
  rxcui: string;
  /** Every RxCUI that resolves to the ingredient: MINs containing it, SCDs, SBDs. */
  related: string[];
  /** Brand names (lower case) of branded drugs that contain the ingredient. */
  brands: string[];
}

export interface RxnormIndex {
  /** Ingredient (IN or MIN) RxCUI by its lower-case name. */
  ingredientByName(name: string): string | undefined;
  /** The codes for an ingredient RxCUI; `componentNames` are the names MIN components may use. */
  codesFor(rxcui: string, componentNames: readonly string[]): IngredientCodes;
  name(rxcui: string): string | undefined;
  /** True for an ingredient (IN) or multiple-ingredient concept (MIN) of the file. */
  isIngredient(rxcui: string): boolean;
  /** Multiple-ingredient concepts (MIN) with a component of this name (salts ignored). */
  combinationsContaining(name: string): string[];
  /** How many concept names mention this name as whole words (any concept: IN, SCD, SBD…). */
  namesMentioning(name: string): number;
}

/** Salt and ester words that RxNorm MIN components carry but ingredient names do not. */
const SALT_WORDS = new Set([
  'sulfate',
  'aspartate',
  'saccharate',
  'hydrochloride',
  'hydrobromide',
  'bitartrate',
  'maleate',
  'mesylate',
  'tartrate',
  'succinate',
  'besylate',
  'sodium',
  'potassium',
  'citrate',
  'acetate',
]);

/** A MIN component's name with trailing salt words removed: `amphetamine sulfate` → `amphetamine`. */
export function stripSalt(component: string): string {
  const parts = component.toLowerCase().trim().split(/\s+/);
  while (parts.length > 1 && SALT_WORDS.has(parts[parts.length - 1] ?? '')) {
    parts.pop();
  }
  return parts.join(' ');
}

/** `[Brand]` at the end of an SBD name, lower case. */
export function brandOf(sbdName: string): string | undefined {
  const match = /\[([^\]]+)\]\s*$/.exec(sbdName);
  return match?.[1]?.trim().toLowerCase();
}

export function createRxnormIndex(sandbox: RxnormSandbox): RxnormIndex {
  const ingredientRxcuis = new Set(Object.values(sandbox.genericToIngredients));
  const byName = new Map<string, string>();
  const componentsOf = new Map<string, string[]>();
  for (const rxcui of ingredientRxcuis) {
    const name = (sandbox.cuiToName[rxcui] ?? '').toLowerCase();
    if (name !== '' && !byName.has(name)) {
      byName.set(name, rxcui);
    }
    componentsOf.set(
      rxcui,
      name.split(' / ').map((c) => c.trim()),
    );
  }
  const scdsByIngredient = new Map<string, string[]>();
  for (const [scd, ingredient] of Object.entries(sandbox.genericToIngredients)) {
    scdsByIngredient.set(ingredient, [...(scdsByIngredient.get(ingredient) ?? []), scd]);
  }
  const sbdsByScd = new Map<string, string[]>();
  for (const [sbd, scd] of Object.entries(sandbox.brandToGeneric)) {
    sbdsByScd.set(scd, [...(sbdsByScd.get(scd) ?? []), sbd]);
  }

  const lowerNames = Object.values(sandbox.cuiToName).map((n) => n.toLowerCase());
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  return {
    ingredientByName: (name) => byName.get(name.toLowerCase()),
    name: (rxcui) => sandbox.cuiToName[rxcui],
    isIngredient: (rxcui) => ingredientRxcuis.has(rxcui),
    combinationsContaining(name) {
      const wanted = name.toLowerCase();
      return [...componentsOf.entries()]
        .filter(
          ([, parts]) =>
            parts.length > 1 && parts.some((c) => c === wanted || stripSalt(c) === wanted),
        )
        .map(([id]) => id)
        .sort((a, b) => Number(a) - Number(b));
    },
    namesMentioning(name) {
      const word = new RegExp(`(?:^|[^a-z])${escape(name.toLowerCase())}(?:$|[^a-z])`);
      return lowerNames.filter((n) => word.test(n)).length;
    },
    codesFor(rxcui, componentNames) {
      const wanted = new Set(componentNames.map((n) => n.toLowerCase()));
      const containing = [...componentsOf.entries()]
        .filter(
          ([id, components]) =>
            id === rxcui || components.some((c) => wanted.has(c) || wanted.has(stripSalt(c))),
        )
        .map(([id]) => id);
      const related = new Set<string>();
      const brands = new Set<string>();
      for (const ingredient of containing) {
        related.add(ingredient);
        for (const scd of scdsByIngredient.get(ingredient) ?? []) {
          related.add(scd);
          for (const sbd of sbdsByScd.get(scd) ?? []) {
            related.add(sbd);
            const brand = brandOf(sandbox.cuiToName[sbd] ?? '');
            if (brand !== undefined) {
              brands.add(brand);
            }
          }
        }
      }
      related.delete(rxcui);
      return {
        rxcui,
        related: [...related].sort((a, b) => Number(a) - Number(b)),
        brands: [...brands].sort(),
      };
    },
  };
}
