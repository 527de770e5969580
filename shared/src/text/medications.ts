/**
 * Medications: each KB drug mention (brands resolve to their ingredient RxCUI) with its sig and status
 * — `current` (lists, HPI), `started` (in the plan, or "start …"), `stopped` ("d/c", "stopped"),
 * `not-taking` (negated). Allergy mentions are left to the allergy reader.
 */
import type { KnowledgeBase } from '../kb/index.js';
import type { Mention } from './mentions.js';
import { parseSig } from './medication-sig.js';
import { leadInOf, type Sentence } from './sentences.js';
import type { Medication, MedicationStatus, PlanItem, SectionKind } from './summary-schema.js';

const STOP =
  /\b(?:stop(?:ped|ping)?|discontinu(?:e|ed|ing)|d\/c(?:'?d)?|dc'?d|held|hold(?:ing)?|off|no longer (?:taking|on)|quit|ceased|came off)\b/i;
const CONTINUE = /\b(?:continu(?:e|es|ed|ing)|cont\.?|remains? on|keep)\b/i;
const START =
  /\b(?:start(?:ed|ing)?|begin|began|initiat(?:e|ed)|prescrib(?:e|ed)|rx|add(?:ed)?|trial of|switch(?:ed)? to|commence(?:d)?|give|given)\b/i;

const PLAN_SECTIONS: ReadonlySet<SectionKind> = new Set(['plan', 'assessment-plan']);

interface Clause {
  before: string;
  after: { start: number; end: number };
}

/** The words around a drug mention that belong to it: back to the previous drug or `;`, on to the next. */
function clauseOf(options: {
  text: string;
  sentence: Sentence;
  mention: Mention;
  drugsInSentence: readonly Mention[];
}): Clause {
  const { text, sentence, mention, drugsInSentence } = options;
  const previous = drugsInSentence.filter((d) => d.span.end <= mention.span.start).at(-1);
  const next = drugsInSentence.find((d) => d.span.start >= mention.span.end);
  let beforeStart = previous?.span.end ?? sentence.start;
  const semicolon = text.lastIndexOf(';', mention.span.start);
  if (semicolon >= beforeStart) {
    beforeStart = semicolon + 1;
  }
  let afterEnd = Math.min(next?.span.start ?? sentence.end, sentence.end, mention.span.end + 100);
  const stop = /;/.exec(text.slice(mention.span.end, afterEnd)); // a line break inside a sentence is a wrap
  if (stop) {
    afterEnd = mention.span.end + stop.index;
  }
  return {
    before: text.slice(beforeStart, mention.span.start),
    after: { start: mention.span.end, end: afterEnd },
  };
}

/** Status, and for plan sections the action; `undefined` action: not an order (a bare name in A&P). */
function statusOf(options: { mention: Mention; clause: string; leadIn: string; hasSig: boolean }): {
  status: MedicationStatus;
  action?: 'start' | 'stop' | 'continue';
} {
  const { mention, clause, leadIn, hasSig } = options;
  const inPlan = PLAN_SECTIONS.has(mention.section);
  if (mention.assertion === 'absent') {
    return { status: 'not-taking' };
  }
  if (STOP.test(clause)) {
    return inPlan ? { status: 'stopped', action: 'stop' } : { status: 'stopped' };
  }
  if (CONTINUE.test(clause)) {
    return inPlan ? { status: 'current', action: 'continue' } : { status: 'current' };
  }
  if (inPlan) {
    // In the plan a drug is an order when something says so: a start verb (here or in the list's
    // lead-in, "was prescribed the following medications:") or a sig.
    return START.test(clause) || START.test(leadIn) || hasSig
      ? { status: 'started', action: 'start' }
      : { status: 'current' };
  }
  // "will start metformin" outside the plan; "started on metformin last month" is current.
  const beforeStart = clause.split(START)[0] ?? '';
  return START.test(clause) && /\b(?:will|plan to|going to|to)\s+(?:\w+\s+)?$/i.test(beforeStart)
    ? { status: 'started' }
    : { status: 'current' };
}

export interface MedicationResult {
  medications: Medication[];
  plan: PlanItem[];
}

export function readMedications(options: {
  kb: KnowledgeBase;
  text: string;
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
  /** Mentions the allergy reader took. */
  skip: ReadonlySet<Mention>;
}): MedicationResult {
  const { kb, text, sentences, mentions, skip } = options;
  const drugs = mentions.filter((m) => m.target.type === 'drug');
  const medications: Medication[] = [];
  const plan: PlanItem[] = [];
  for (const mention of drugs) {
    const drug = kb.drugByRxcui(mention.target.id);
    const sentence = sentences[mention.sentence];
    if (!drug || !sentence || skip.has(mention) || mention.section === 'allergies') {
      continue;
    }
    if (mention.assertion === 'hypothetical' || mention.experiencer === 'family') {
      continue;
    }
    const inSentence = drugs.filter((d) => d.sentence === mention.sentence && d !== mention);
    const clause = clauseOf({ text, sentence, mention, drugsInSentence: inSentence });
    // The same drug again within one clause (`… [epogen]` after epoetin) is the same medication.
    const previous = inSentence.filter((d) => d.span.end <= mention.span.start).at(-1);
    if (
      previous?.target.id === mention.target.id &&
      !skip.has(previous) &&
      !/[;\n]/.test(text.slice(previous.span.end, mention.span.start))
    ) {
      continue;
    }
    const afterText = text.slice(clause.after.start, clause.after.end);
    const sig = parseSig(afterText);
    const { status, action } = statusOf({
      mention,
      clause: `${clause.before} ${afterText}`,
      leadIn: leadInOf(sentences, mention.sentence, text) ?? '',
      hasSig: Object.keys(sig).length > 0,
    });
    const trimmed = afterText.replace(/[\s.,;:]+$/, '');
    const sigStart =
      clause.after.start + (trimmed.length - trimmed.replace(/^[\s,:-]+/, '').length);
    const medication: Medication = {
      rxcui: drug.rxcui,
      name: drug.name,
      status,
      ...sig,
      section: mention.section,
      ...(sigStart >= clause.after.start + trimmed.length
        ? {}
        : {
            sig: {
              span: { start: sigStart, end: clause.after.start + trimmed.length },
              text: text.slice(sigStart, clause.after.start + trimmed.length),
            },
          }),
      span: mention.span,
      text: mention.text,
    };
    medications.push(medication);
    if (action !== undefined) {
      plan.push({
        kind: 'medication',
        rxcui: drug.rxcui,
        name: drug.name,
        action,
        span: mention.span,
        text: mention.text,
      });
    }
  }
  return { medications, plan };
}
