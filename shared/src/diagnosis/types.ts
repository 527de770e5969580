/** Inputs and results of the guideline-only differential engine. Results are suggestions, never diagnoses. */
import type { Sex, Urgency } from '../kb/schema.js';

export interface FindingsInput {
  /** KB finding ids observed present. */
  present: readonly string[];
  /** KB finding ids asked about or examined and found absent. */
  absent: readonly string[];
}

export interface PatientInput {
  age?: number;
  sex?: Sex;
  /** Chronic history as KB condition ids (risk factors; never suggested again as new presentations). */
  conditions?: readonly string[];
}

export interface EvidenceItem {
  finding: string;
  display: string;
  /** How much this finding moves the odds of the condition (>1 for, <1 against). */
  likelihoodRatio: number;
}

export interface ArguingAgainst extends EvidenceItem {
  /** `absent`: typical of the condition but absent; `present-but-rare`: present but rarely seen with it. */
  reason: 'absent' | 'present-but-rare';
}

export interface DifferentialItem {
  condition: string;
  display: string;
  /** Clinician-facing wording: always a suggestion. */
  label: string;
  /** Normalised posterior over KB conditions plus "none of them". */
  probability: number;
  urgency: Urgency;
  cantMiss: boolean;
  /** Why the item is listed: in the top `limit`, a plausible can't-miss condition, or a fired red flag. */
  listedBecause: 'rank' | 'cant-miss' | 'red-flag';
  supporting: EvidenceItem[];
  against: ArguingAgainst[];
  /** KB source ids behind the condition and the evidence shown. */
  sources: string[];
}

export interface FiredRedFlag {
  rule: string;
  findings: readonly string[];
  escalateTo: Urgency;
  consider: readonly string[];
  advice: string;
  sources: readonly string[];
}

export interface DifferentialResult {
  kbVersion: string;
  method: 'naive-bayes-with-leak';
  items: DifferentialItem[];
  /** Probability that no KB condition explains the presentation. */
  otherProbability: number;
  /** The most urgent level among listed items with probability over 5% and fired red flags. */
  urgency: Urgency;
  redFlags: FiredRedFlag[];
  /** Finding ids the KB does not know (ignored in the ranking). */
  unknownFindings: string[];
  findings: FindingsInput;
}

export interface NextQuestion {
  finding: string;
  display: string;
  kind: 'symptom' | 'sign' | 'vital' | 'lab' | 'history';
  /** Expected reduction of the differential's entropy, in bits. */
  informationGain: number;
  reason: string;
}
