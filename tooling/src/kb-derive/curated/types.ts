/**
 * The curated (hand-written) side of the diagnosis knowledge base, in a compact form the derivation
 * script expands into shared/src/kb/data/diagnosis/*.json. Clinical values are approximate and every
 * entry names its sources (ids in ./sources.ts).
 */

export const SNOMED = 'http://snomed.info/sct';
export const UMLS = 'http://www.nlm.nih.gov/research/umls';

export type BodySystem =
  | 'general'
  | 'cardiovascular'
  | 'respiratory'
  | 'gastrointestinal'
  | 'genitourinary'
  | 'renal'
  | 'musculoskeletal'
  | 'neurological'
  | 'psychiatric'
  | 'dermatological'
  | 'endocrine'
  | 'hematological'
  | 'infectious'
  | 'ent'
  | 'ophthalmological'
  | 'reproductive'
  | 'immunological'
  | 'oncological';

export type Urgency = 'emergency' | 'urgent' | 'soon' | 'routine';
export type FindingKind = 'symptom' | 'sign' | 'vital' | 'lab' | 'history';

export interface CuratedSource {
  id: string;
  title: string;
  publisher: string;
  year: number;
  url?: string;
  licence: string;
}

export interface Code {
  system: string;
  code: string;
}

export interface Threshold {
  loinc: string;
  comparator: '>' | '>=' | '<' | '<=';
  value: number;
  unit: string;
  /** Children's cut-offs, youngest first (see the KB's FindingSchema). */
  byAge?: { belowAgeYears: number; value: number; sources: string[] }[];
}

export interface CuratedFinding {
  id: string;
  display: string;
  /** SNOMED CT or a Columbia UMLS CUI; omitted when no standard code is known reliably (a local code is used). */
  code?: Code;
  kind: FindingKind;
  system: BodySystem;
  /** Clinical synonyms and abbreviations (lower case). */
  syn?: string[];
  /** Patients' words (lower case). */
  lay?: string[];
  /** The leak: P(finding) in a presentation no KB condition explains. */
  base: number;
  redFlag?: boolean;
  threshold?: Threshold;
  /** Columbia KB symptom CUIs that map onto this finding (for the derived associations). */
  cuis?: string[];
  /** HSDN (MeSH) symptom names that map onto this finding (supporting evidence only). */
  mesh?: string[];
  sources: string[];
}

/** Per 1,000 people by age band: 0-4, 5-17, 18-39, 40-64, 65+. */
export type BandRates = readonly [number, number, number, number, number];

export interface CuratedCondition {
  id: string;
  display: string;
  icd10: string[];
  snomed?: string;
  /** Codes also listed by another condition, with the one a lookup resolves to (KB `sharedCodes`). */
  sharedCodes?: { system: 'icd10' | 'snomed'; code: string; resolvesTo: string }[];
  course: 'acute' | 'chronic';
  system: BodySystem;
  urgency: Urgency;
  cantMiss: boolean;
  syn: string[];
  /** Annual presentations (acute) or prevalence (chronic) per 1,000, by sex and age band. */
  prior: { female: BandRates; male: BandRates };
  /** Chronic conditions that raise this one's odds (odds multiplier). */
  risk?: Record<string, number>;
  /** Sources for the condition itself (definition, codes, prior). */
  sources: string[];
  /** P(finding | condition) for the curated associations. */
  findings: Record<string, number>;
  /** Sources behind the curated likelihoods. */
  evidence: string[];
}

/** Same rates for both sexes. */
export function both(rates: BandRates): { female: BandRates; male: BandRates } {
  return { female: rates, male: rates };
}

/** Female-only condition (rates for males are zero). */
export function femaleOnly(rates: BandRates): { female: BandRates; male: BandRates } {
  return { female: rates, male: [0, 0, 0, 0, 0] };
}

/** Male-only condition (rates for females are zero). */
export function maleOnly(rates: BandRates): { female: BandRates; male: BandRates } {
  return { female: [0, 0, 0, 0, 0], male: rates };
}

export function sct(code: string): Code {
  return { system: SNOMED, code };
}

export function cui(code: string): Code {
  return { system: UMLS, code };
}

export interface CuratedRedFlag {
  id: string;
  allFindings: string[];
  minAge?: number;
  maxAge?: number;
  escalateTo: Urgency;
  consider: string[];
  advice: string;
  sources: string[];
}
