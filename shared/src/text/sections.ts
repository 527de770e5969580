/**
 * Section detection: header lines (`HPI:`, `# Assessment and Plan`, `PHYSICAL EXAM`, SOAP `S:`…) split
 * a note into sections. Text before the first header is the preamble.
 */
import type { Section, SectionKind } from './summary-schema.js';

const HEADER_LABELS: Readonly<Record<string, SectionKind>> = {
  'chief complaint': 'chief-complaint',
  'chief complaints': 'chief-complaint',
  cc: 'chief-complaint',
  'reason for visit': 'chief-complaint',
  'reason for consultation': 'chief-complaint',
  'presenting complaint': 'chief-complaint',
  'history of present illness': 'hpi',
  'history of presenting illness': 'hpi',
  'present illness': 'hpi',
  hpi: 'hpi',
  history: 'hpi',
  'interval history': 'hpi',
  subjective: 'subjective',
  s: 'subjective',
  'review of systems': 'ros',
  ros: 'ros',
  'systems review': 'ros',
  'past medical history': 'pmh',
  pmh: 'pmh',
  pmhx: 'pmh',
  'medical history': 'pmh',
  'past history': 'pmh',
  'problem list': 'pmh',
  'active problems': 'pmh',
  'past surgical history': 'surgical-history',
  psh: 'surgical-history',
  'surgical history': 'surgical-history',
  medications: 'medications',
  medication: 'medications',
  meds: 'medications',
  'current medications': 'medications',
  'current meds': 'medications',
  'home medications': 'medications',
  'medication list': 'medications',
  'outpatient medications': 'medications',
  allergies: 'allergies',
  allergy: 'allergies',
  'drug allergies': 'allergies',
  'allergies and adverse reactions': 'allergies',
  'social history': 'social-history',
  'social hx': 'social-history',
  sh: 'social-history',
  shx: 'social-history',
  social: 'social-history',
  'family history': 'family-history',
  'family hx': 'family-history',
  fh: 'family-history',
  fhx: 'family-history',
  'physical exam': 'exam',
  'physical examination': 'exam',
  examination: 'exam',
  exam: 'exam',
  pe: 'exam',
  'o/e': 'exam',
  'on examination': 'exam',
  objective: 'objective',
  o: 'objective',
  vitals: 'vitals',
  'vital signs': 'vitals',
  vs: 'vitals',
  labs: 'results',
  results: 'results',
  investigations: 'results',
  'diagnostic results': 'results',
  imaging: 'results',
  data: 'results',
  assessment: 'assessment',
  impression: 'assessment',
  'clinical impression': 'assessment',
  diagnosis: 'assessment',
  diagnoses: 'assessment',
  dx: 'assessment',
  ddx: 'assessment',
  a: 'assessment',
  plan: 'plan',
  p: 'plan',
  'treatment plan': 'plan',
  recommendations: 'plan',
  disposition: 'plan',
  orders: 'plan',
  'follow up': 'plan',
  'follow-up': 'plan',
  'assessment and plan': 'assessment-plan',
  'assessment & plan': 'assessment-plan',
  'assessment/plan': 'assessment-plan',
  'impression and plan': 'assessment-plan',
  'impression/plan': 'assessment-plan',
  'a&p': 'assessment-plan',
  'a/p': 'assessment-plan',
  'a & p': 'assessment-plan',
  immunizations: 'immunizations',
  vaccinations: 'immunizations',
};

// Optional markdown hashes, a label of letters and `&/ -`, then a colon or the end of the line.
const HEADER_LINE = /^([ \t]*)(#{1,6}[ \t]*)?([A-Za-z][A-Za-z &/.'-]{0,45}?)[ \t]*(:|$)/;

interface Header {
  kind: SectionKind;
  title: string;
  start: number;
  contentStart: number;
}

function headerAt(line: string, lineStart: number): Header | undefined {
  const m = HEADER_LINE.exec(line);
  if (!m) {
    return undefined;
  }
  const [, indent = '', hashes, label = '', colon] = m;
  const key = label.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '').trim();
  const kind = HEADER_LABELS[key];
  if (kind === undefined) {
    return undefined;
  }
  const afterColon = line.slice(m[0].length);
  if (key.length === 1 && (colon !== ':' || /^\s*\d/.test(afterColon))) {
    return undefined; // `P: 88` is a pulse, not a plan
  }
  const wholeLine = colon === '' || colon === undefined;
  if (wholeLine && hashes === undefined) {
    // A bare line is a header only if it is nothing but the label (`PLAN`, `Plan`).
    const shouted = label === label.toUpperCase();
    const titled = /^[A-Z]/.test(label);
    if (!(shouted || titled) || label.trim().split(/\s+/).length > 6) {
      return undefined;
    }
  }
  const start = lineStart + indent.length;
  return {
    kind,
    title: line.slice(indent.length, m[0].length).trim(),
    start,
    contentStart: lineStart + m[0].length,
  };
}

/** Sections covering the whole text, in order. */
export function detectSections(text: string): Section[] {
  const headers: Header[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const header = headerAt(line.replace(/\r$/, ''), lineStart);
    if (header) {
      headers.push(header);
    }
    lineStart += line.length + 1;
  }
  const sections: Section[] = [];
  const firstStart = headers[0]?.start ?? text.length;
  if (firstStart > 0 && text.slice(0, firstStart).trim() !== '') {
    sections.push({
      kind: 'preamble',
      title: '',
      span: { start: 0, end: firstStart },
      contentStart: 0,
    });
  }
  headers.forEach((h, i) => {
    const end = headers[i + 1]?.start ?? text.length;
    sections.push({
      kind: h.kind,
      title: h.title,
      span: { start: h.start, end },
      contentStart: h.contentStart,
    });
  });
  return sections;
}

/** The section containing `offset`, or the preamble kind when there is none. */
export function sectionAt(sections: readonly Section[], offset: number): SectionKind {
  for (const s of sections) {
    if (offset >= s.span.start && offset < s.span.end) {
      return s.kind;
    }
  }
  return 'preamble';
}
