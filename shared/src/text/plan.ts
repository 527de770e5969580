/**
 * Plan items: tests ordered (KB test ids; `completed` when the note says they were done at the visit),
 * referrals (canonical specialty), follow-up intervals. Medications started or stopped come from the
 * medication reader.
 */
import type { KnowledgeBase } from '../kb/index.js';
import type { Mention } from './mentions.js';
import { leadInOf, type Sentence } from './sentences.js';
import type { Duration, PlanItem, SectionKind } from './summary-schema.js';

const PLAN_SECTIONS: ReadonlySet<SectionKind> = new Set([
  'plan',
  'assessment-plan',
  'immunizations',
]);
const ORDER =
  /\b(?:order(?:ed)?|obtain|check|send|get|will get|request(?:ed)?|schedul(?:e|ed)|arrange(?:d)?|recommend(?:ed)?|draw|repeat|perform)\b/i;
const DONE =
  /\b(?:conducted|performed|done|completed|given|administered|received|was obtained|were obtained)\b/i;

const SPECIALTIES: readonly [string, RegExp][] = [
  ['cardiology', /^(?:cardiology|cardiologist|cardiac|heart)\b/i],
  ['dermatology', /^(?:dermatology|dermatologist|derm)\b/i],
  ['otolaryngology', /^(?:ent|otolaryngology|otolaryngologist|ear,? nose and throat)\b/i],
  ['gastroenterology', /^(?:gastroenterology|gastroenterologist|gi|gastro)\b/i],
  ['neurology', /^(?:neurology|neurologist|neuro)\b/i],
  ['orthopedics', /^(?:orthopa?edics?|orthopa?edic surgery|ortho|orthopa?edist)\b/i],
  ['psychiatry', /^(?:psychiatry|psychiatrist|psych)\b/i],
  ['psychology', /^(?:psychology|psychologist|counsel(?:l)?ing|therapy|therapist)\b/i],
  ['pulmonology', /^(?:pulmonology|pulmonologist|pulmonary|respiratory medicine|chest clinic)\b/i],
  ['endocrinology', /^(?:endocrinology|endocrinologist|endo)\b/i],
  ['nephrology', /^(?:nephrology|nephrologist|renal)\b/i],
  ['urology', /^(?:urology|urologist)\b/i],
  ['rheumatology', /^(?:rheumatology|rheumatologist|rheum)\b/i],
  ['oncology', /^(?:oncology|oncologist|hematology[/ -]oncology|heme[/ -]onc)\b/i],
  ['hematology', /^(?:hematology|haematology|hematologist)\b/i],
  ['ophthalmology', /^(?:ophthalmology|ophthalmologist|eye clinic|optometry)\b/i],
  ['obstetrics-gynecology', /^(?:ob\/?gyn|obstetrics|gynecology|gynaecology|gynecologist)\b/i],
  ['physical-therapy', /^(?:physical therapy|physiotherapy|physio|pt)\b/i],
  ['podiatry', /^(?:podiatry|podiatrist)\b/i],
  ['allergy-immunology', /^(?:allergy|allergist|immunology)\b/i],
  ['infectious-disease', /^(?:infectious diseases?|id clinic)\b/i],
  ['general-surgery', /^(?:general surgery|surgery|surgeon|surgical)\b/i],
  ['nutrition', /^(?:dietitian|dietician|nutrition(?:ist)?)\b/i],
  ['sleep-medicine', /^(?:sleep (?:medicine|clinic|lab|study))\b/i],
  ['emergency-department', /^(?:emergency department|emergency room|ed|er|a&e)\b/i],
];

const REFER_TO =
  /\b(?:refer(?:red|ral|ring)?|consult(?:ation)?)(?:\s+(?:him|her|them|the patient|patient|pt))?\s+(?:to|with)\s+(?:an?\s+|the\s+)?([A-Za-z][A-Za-z&/ -]{1,40}?)(?=\s*(?:[.,;:(\n]|$)|\s+(?:for|in|to|and|if|re|regarding|within|clinic|service|team)\b)/gi;
const X_REFERRAL = /\b([A-Za-z][A-Za-z/&]*(?:\s[A-Za-z]+)?)\s+(?:referral|consult(?:ation)?)\b/gi;

const FOLLOW_UP =
  /\b(?:follow[- ]?up|f\/u|return(?:\s+to\s+clinic|\s+visit)?|rtc|re-?check|re-?evaluat(?:e|ion)|see (?:you |him |her |them )?(?:again|back)|come back|revisit)\b/i;
const INTERVAL_AFTER =
  /^[^.;\n]{0,30}?\b(?:in|within|after|for)?\s*(\d+|one|two|three|four|five|six|seven|eight|ten|twelve|a|an)(?:\s*(?:-|to)\s*\d+)?\s*(hours?|hrs?|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)\b/i;
const INTERVAL_BEFORE =
  /\b(\d+|one|two|three|four|six)[- ](hour|day|week|month|year)s?[- ](?:follow[- ]?up|f\/u|re-?check|review)\b/i;
const FOLLOW_UP_PRN = /^\s*(?:[^.;]{0,20}\b)?(?:prn|as needed|if|unless|sooner if|should)\b/i;
const EXPLICIT_FOLLOW_UP = /^(?:follow|f\/u|return|rtc|come back|see)/i;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  ten: 10,
  twelve: 12,
};

function interval(count: string, unit: string): Duration | undefined {
  const value = NUMBER_WORDS[count.toLowerCase()] ?? Number(count);
  if (!Number.isFinite(value) || value <= 0) {
    return undefined;
  }
  const u = unit.toLowerCase();
  const code: Duration['unit'] = u.startsWith('h')
    ? 'h'
    : u.startsWith('w')
      ? 'wk'
      : u.startsWith('mo')
        ? 'mo'
        : u.startsWith('y')
          ? 'a'
          : 'd';
  return { value, unit: code };
}

function specialtyOf(words: string): string | undefined {
  return SPECIALTIES.find(([, pattern]) => pattern.test(words.trim()))?.[0];
}

function referrals(text: string, sentence: Sentence): PlanItem[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: PlanItem[] = [];
  const push = (index: number, length: number, specialty: string): void => {
    const start = sentence.start + index;
    if (/\b(?:no|not|without|declined?)\s+$/i.test(body.slice(Math.max(0, index - 12), index))) {
      return;
    }
    if (!out.some((p) => p.span.start < start + length && start < p.span.end)) {
      out.push({
        kind: 'referral',
        specialty,
        span: { start, end: start + length },
        text: body.slice(index, index + length),
      });
    }
  };
  for (const m of body.matchAll(REFER_TO)) {
    const target = m[1] ?? '';
    push(m.index, m[0].length, specialtyOf(target) ?? target.trim().toLowerCase());
  }
  for (const m of body.matchAll(X_REFERRAL)) {
    const specialty = specialtyOf(m[1] ?? '');
    if (specialty !== undefined) {
      push(m.index, m[0].length, specialty);
    }
  }
  return out;
}

function followUp(text: string, sentence: Sentence): PlanItem | undefined {
  const body = text.slice(sentence.start, sentence.end);
  const before = INTERVAL_BEFORE.exec(body);
  if (before) {
    const value = interval(before[1] ?? '', before[2] ?? '');
    const start = sentence.start + before.index;
    return {
      kind: 'follow-up',
      ...(value ? { interval: value } : {}),
      asNeeded: false,
      span: { start, end: start + before[0].length },
      text: before[0],
    };
  }
  const keyword = FOLLOW_UP.exec(body);
  if (!keyword) {
    return undefined;
  }
  const rest = body.slice(keyword.index + keyword[0].length);
  const after = INTERVAL_AFTER.exec(rest);
  const value = after ? interval(after[1] ?? '', after[2] ?? '') : undefined;
  const end = after
    ? keyword.index + keyword[0].length + after[0].length
    : keyword.index + keyword[0].length;
  const asNeeded = value === undefined && FOLLOW_UP_PRN.test(rest);
  if (!value && !asNeeded && !EXPLICIT_FOLLOW_UP.test(keyword[0])) {
    return undefined; // "recheck BP at the visit" is not a follow-up appointment
  }
  return {
    kind: 'follow-up',
    ...(value ? { interval: value } : {}),
    asNeeded,
    span: { start: sentence.start + keyword.index, end: sentence.start + end },
    text: body.slice(keyword.index, end),
  };
}

export function readPlan(options: {
  kb: KnowledgeBase;
  text: string;
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
}): PlanItem[] {
  const { kb, text, sentences, mentions } = options;
  const items: PlanItem[] = [];
  sentences.forEach((sentence, index) => {
    const body = text.slice(sentence.start, sentence.end);
    const inPlan = PLAN_SECTIONS.has(sentence.section);
    // A list's lead-in ("The following procedures were conducted:") sets the status of its items.
    const leadText = leadInOf(sentences, index, text) ?? '';
    for (const m of mentions) {
      if (m.sentence !== index || m.target.type !== 'test') {
        continue;
      }
      if (m.assertion !== 'present' && m.assertion !== 'possible') {
        continue;
      }
      const test = kb.test(m.target.id);
      const code = test?.codes[0];
      if (!test || !code || !(inPlan || ORDER.test(body))) {
        continue;
      }
      const completed =
        DONE.test(body) || DONE.test(leadText) || sentence.section === 'immunizations';
      items.push({
        kind: 'test',
        testId: test.id,
        display: test.display,
        code,
        status: completed ? 'completed' : 'ordered',
        span: m.span,
        text: m.text,
      });
    }
    if (inPlan || /\brefer/i.test(body)) {
      items.push(...referrals(text, sentence));
    }
    if (inPlan || FOLLOW_UP.test(body)) {
      const item = followUp(text, sentence);
      if (item && (inPlan || item.kind !== 'follow-up' || item.interval !== undefined)) {
        items.push(item);
      }
    }
  });
  return items;
}
