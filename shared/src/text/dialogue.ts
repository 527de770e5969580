/** Dialogue transcripts ("Doctor: … Patient: …"): speaker turns and how a patient answered a question. */
import type { Speaker } from './summary-schema.js';

export interface Turn {
  speaker: Speaker;
  /** Where the speaker label starts. */
  start: number;
  /** Where the turn's words start (after `Label:`). */
  contentStart: number;
  end: number;
}

const SPEAKER_LABEL =
  /^[ \t]*(doctor|dr|physician|clinician|provider|nurse|gp|patient|pt|mother|father|mom|dad|parent|caregiver|spouse|wife|husband)\.?[ \t]*:/gim;

const CLINICIANS = new Set(['doctor', 'dr', 'physician', 'clinician', 'provider', 'nurse', 'gp']);

/** Speaker turns, or an empty list when the text is not a transcript (needs a clinician and another speaker). */
export function detectTurns(text: string): Turn[] {
  const labels = [...text.matchAll(SPEAKER_LABEL)].map((m) => {
    const who = (m[1] ?? '').toLowerCase();
    const speaker: Speaker = CLINICIANS.has(who)
      ? 'clinician'
      : who === 'patient' || who === 'pt'
        ? 'patient'
        : 'other';
    const indent = /^[ \t]*/.exec(m[0])?.[0].length ?? 0;
    return { speaker, start: m.index + indent, contentStart: m.index + m[0].length };
  });
  const speakers = new Set(labels.map((l) => l.speaker));
  if (labels.length < 2 || !speakers.has('clinician') || speakers.size < 2) {
    return [];
  }
  return labels.map((l, i) => ({ ...l, end: labels[i + 1]?.start ?? text.length }));
}

export type Answer = 'yes' | 'no' | 'unclear';

const NO =
  /^\s*(?:no\b|nope\b|nah\b|not really\b|not at all\b|never\b|none\b|i don'?t think so\b|i haven'?t\b|i have not\b|i don'?t\b|i do not\b|not that i(?:'ve)? (?:know|noticed)\b)/i;
const YES =
  /^\s*(?:yes\b|yeah\b|yep\b|yup\b|i do\b|i have\b|i did\b|a little\b|a bit\b|sometimes\b|definitely\b|uh-huh\b|mm-hmm\b|correct\b|right\b|kind of\b|sort of\b)/i;

/** How the first words of a reply answer a yes/no question. */
export function classifyAnswer(reply: string): Answer {
  if (NO.test(reply)) {
    return 'no';
  }
  return YES.test(reply) ? 'yes' : 'unclear';
}
