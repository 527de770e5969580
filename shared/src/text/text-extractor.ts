/**
 * The clinical text extractor: a free-text visit note (or a "Doctor: … Patient: …" transcript) → a
 * structured, coded summary whose every item points back at its source span. Pure and deterministic:
 * no I/O, no clock, no randomness. Build it once per knowledge base (the lexicon takes ~0.2 s) and
 * reuse it; `summarize` takes a few milliseconds for a typical note.
 *
 * Hand-written rather than a library: no maintained JavaScript library does clinical NegEx/ConText
 * with a custom lexicon (medspaCy and pyConText are Python; general JS NLP libraries have neither
 * assertion status nor clinical section and sig parsing).
 */
import type { Condition, KnowledgeBase } from '../kb/index.js';
import { readAllergies } from './allergies.js';
import { compileContextRules } from './context.js';
import { detectTurns, type Turn } from './dialogue.js';
import { createLexicon } from './lexicon.js';
import { assertTextWithinLimit, MAX_TEXT_CHARS } from './limits.js';
import { measuredFindings } from './measured-findings.js';
import { readMedications } from './medications.js';
import { readStatedAge } from './patient-age.js';
import { findMentions, type Mention } from './mentions.js';
import { readPlan } from './plan.js';
import { detectSections, sectionAt } from './sections.js';
import { splitSentences, type Sentence } from './sentences.js';
import { sigIndicationSpans } from './sig-indications.js';
import type {
  ChiefComplaint,
  ClinicalSummary,
  ConditionMention,
  FindingMention,
  Section,
  SectionKind,
  VitalCutOffs,
} from './summary-schema.js';
import { tokenize } from './tokenize.js';
import { extractVitals } from './vitals.js';

export interface TextExtractorOptions {
  kb: KnowledgeBase;
  /** Longest accepted text; defaults to MAX_TEXT_CHARS (20,000). */
  maxTextChars?: number;
}

/** Finding ids for the assist API. A finding both affirmed and denied counts as present. */
export interface ExtractedFindings {
  present: string[];
  absent: string[];
  /** Suspected, questioned or uncertain: neither present nor absent. */
  possible: string[];
}

/** What the caller knows about the patient beyond the text. */
export interface SummarizeContext {
  /** Age in years (fractions for infants); chooses children's vital-sign cut-offs. Else read from the note. */
  ageYears?: number;
}

export interface TextExtractor {
  readonly kbVersion: string;
  readonly maxTextChars: number;
  /** The structured summary. Throws AppError PAYLOAD_TOO_LARGE above `maxTextChars`. */
  summarize(text: string, context?: SummarizeContext): ClinicalSummary;
  /** The patient's present / absent / possible findings, consistent with `summarize(text).findings`. */
  extractFindings(text: string, context?: SummarizeContext): ExtractedFindings;
}

/** Children's cut-offs apply below this age; the KB's bands end there. */
const ADULT_CUT_OFFS_FROM_YEARS = 12;

function vitalCutOffsFor(options: { text: string; context: SummarizeContext }): VitalCutOffs {
  const { text, context } = options;
  const stated = context.ageYears === undefined ? readStatedAge(text) : undefined;
  const ageYears = context.ageYears ?? stated?.years;
  if (ageYears === undefined) {
    return {
      basis: 'adult-age-unknown',
      ageYears: null,
      ageFrom: 'unknown',
      note: 'Age unknown: heart-rate, breathing-rate and other vital-sign findings were read against adult cut-offs; in a child a raised rate may be missed and a normal one called low.',
    };
  }
  const child = ageYears < ADULT_CUT_OFFS_FROM_YEARS;
  return {
    basis: child ? 'age-specific' : 'adult',
    ageYears,
    ageFrom: stated ? 'note' : 'request',
    ...(stated ? { stated: { span: stated.span, text: stated.text } } : {}),
    note: child
      ? 'Vital-sign findings read against children’s cut-offs for this age (NICE NG143, WHO IMCI, APLS, PALS).'
      : 'Vital-sign findings read against adult cut-offs.',
  };
}

const ASSESSMENT_SECTIONS: ReadonlySet<SectionKind> = new Set(['assessment', 'assessment-plan']);
const NOT_CLINICAL_SECTIONS: ReadonlySet<SectionKind> = new Set(['allergies', 'medications']);
/** Sentences about vaccines name diseases they prevent ("hep a", "varicella"), not the patient's. */
const VACCINE = /\b(?:immuni[sz]ations?|vaccines?|vaccinations?|vaccinated)\b/i;

function toConditionMention(condition: Condition, m: Mention): ConditionMention {
  return {
    conditionId: condition.id,
    display: condition.display,
    icd10: condition.icd10[0] ?? '',
    ...(condition.snomed === undefined ? {} : { snomed: condition.snomed }),
    assertion: m.assertion,
    experiencer: m.experiencer,
    section: m.section,
    match: m.match,
    ...(m.speaker === undefined ? {} : { speaker: m.speaker }),
    span: m.span,
    text: m.text,
  };
}

function chiefComplaintOf(options: {
  text: string;
  sections: readonly Section[];
  turns: readonly Turn[];
  sentences: readonly Sentence[];
  findings: readonly FindingMention[];
}): ChiefComplaint | null {
  const { text, sections, turns, sentences, findings } = options;
  let range: { start: number; end: number } | undefined;
  const cc = sections.find((s) => s.kind === 'chief-complaint');
  if (cc) {
    range = { start: cc.contentStart, end: cc.span.end };
  } else if (turns.length > 0) {
    const first = sentences.find((s) => s.speaker === 'patient');
    range = first ? { start: first.start, end: first.end } : undefined;
  }
  if (!range) {
    return null;
  }
  const raw = text.slice(range.start, range.end);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body === '') {
    return null;
  }
  const span = { start: range.start + lead, end: range.start + lead + body.length };
  const findingIds = findings
    .filter(
      (f) => f.span.start >= span.start && f.span.end <= span.end && f.assertion === 'present',
    )
    .map((f) => f.findingId);
  return { span, text: body, findingIds: [...new Set(findingIds)] };
}

export function createTextExtractor(options: TextExtractorOptions): TextExtractor {
  const { kb, maxTextChars = MAX_TEXT_CHARS } = options;
  const lexicon = createLexicon(kb);
  const rules = compileContextRules();

  const summarize = (text: string, context: SummarizeContext = {}): ClinicalSummary => {
    assertTextWithinLimit(text, maxTextChars);
    const vitalCutOffs = vitalCutOffsFor({ text, context });
    const sections = detectSections(text);
    const turns = detectTurns(text);
    const tokens = tokenize(text);
    const sentences = splitSentences({ text, tokens, sections, turns });
    const vitals = extractVitals(text);
    const mentions = findMentions({
      lexicon,
      rules,
      text,
      sentences,
      turns,
      exclude: vitals.map((v) => v.span),
    });
    const { allergies, used } = readAllergies({ kb, text, sections, sentences, mentions });
    const meds = readMedications({ kb, text, sentences, mentions, skip: used });

    const reactionSpans = allergies.flatMap((a) =>
      a.kind === 'substance' && a.reaction ? [a.reaction.span] : [],
    );
    // "for pain", "PRN if short of breath": a sig's indication is not a presenting finding.
    const sigSpans = meds.medications.flatMap((med) =>
      med.sig ? sigIndicationSpans({ text, sig: med.sig.span }) : [],
    );
    const findings: FindingMention[] = [];
    const conditions: ConditionMention[] = [];
    const assessment: ConditionMention[] = [];
    const aboutVaccines = new Set(
      sentences.flatMap((x, i) =>
        x.section === 'immunizations' || VACCINE.test(text.slice(x.start, x.end)) ? [i] : [],
      ),
    );
    for (const m of mentions) {
      if (aboutVaccines.has(m.sentence)) {
        continue;
      }
      if (m.target.type === 'finding') {
        const finding = kb.finding(m.target.id);
        const inReaction = [...reactionSpans, ...sigSpans].some(
          (r) => m.span.start >= r.start && m.span.end <= r.end,
        );
        if (finding && !NOT_CLINICAL_SECTIONS.has(m.section) && !inReaction) {
          findings.push({
            findingId: finding.id,
            display: finding.display,
            code: finding.code,
            assertion: m.assertion,
            experiencer: m.experiencer,
            section: m.section,
            match: m.match,
            ...(m.speaker === undefined ? {} : { speaker: m.speaker }),
            span: m.span,
            text: m.text,
          });
        }
      } else if (m.target.type === 'condition') {
        const condition = kb.condition(m.target.id);
        if (condition && !NOT_CLINICAL_SECTIONS.has(m.section)) {
          (ASSESSMENT_SECTIONS.has(m.section) ? assessment : conditions).push(
            toConditionMention(condition, m),
          );
        }
      }
    }
    findings.push(
      ...measuredFindings({
        kb,
        vitals,
        sectionOf: (offset) => sectionAt(sections, offset),
        ...(vitalCutOffs.ageYears === null ? {} : { ageYears: vitalCutOffs.ageYears }),
      }),
    );
    findings.sort((a, b) => a.span.start - b.span.start || a.findingId.localeCompare(b.findingId));

    const plan = [...readPlan({ kb, text, sentences, mentions }), ...meds.plan].sort(
      (a, b) => a.span.start - b.span.start,
    );
    return {
      kbVersion: kb.version,
      textLength: text.length,
      dialogue: turns.length > 0,
      chiefComplaint: chiefComplaintOf({ text, sections, turns, sentences, findings }),
      findings,
      conditions,
      vitals,
      vitalCutOffs,
      medications: meds.medications,
      allergies,
      assessment,
      plan,
      sections,
    };
  };

  return {
    kbVersion: kb.version,
    maxTextChars,
    summarize,
    extractFindings: (text, context) => findingsOf(summarize(text, context).findings),
  };
}

/** Reduces finding mentions to the assist API's lists (the patient's own, present over absent over possible). */
export function findingsOf(mentions: readonly FindingMention[]): ExtractedFindings {
  const present = new Set<string>();
  const absent = new Set<string>();
  const possible = new Set<string>();
  for (const m of mentions) {
    if (m.experiencer !== 'patient') {
      continue;
    }
    if (m.assertion === 'present') {
      present.add(m.findingId);
    } else if (m.assertion === 'absent') {
      absent.add(m.findingId);
    } else if (m.assertion === 'possible') {
      possible.add(m.findingId);
    }
  }
  const sorted = (ids: Set<string>): string[] => [...ids].sort();
  return {
    present: sorted(present),
    absent: sorted(new Set([...absent].filter((id) => !present.has(id)))),
    possible: sorted(new Set([...possible].filter((id) => !present.has(id) && !absent.has(id)))),
  };
}
