/**
 * Lexicon mentions with their assertion status, sentence by sentence; in transcripts, a clinician's
 * yes/no question takes its assertion from the patient's answer.
 */
import { assertMention, findModifiers, type ContextRules, type Modifier } from './context.js';
import { classifyAnswer, type Turn } from './dialogue.js';
import type { Lexicon, LexiconTarget } from './lexicon.js';
import type { Sentence } from './sentences.js';
import type {
  Assertion,
  Experiencer,
  MatchKind,
  SectionKind,
  Span,
  Speaker,
} from './summary-schema.js';
import { matchTerms, type FuzzyCache } from './term-matcher.js';

export interface Mention {
  target: LexiconTarget;
  sentence: number;
  /** Token indexes within the sentence. */
  first: number;
  last: number;
  span: Span;
  text: string;
  match: MatchKind;
  assertion: Assertion;
  experiencer: Experiencer;
  section: SectionKind;
  speaker?: Speaker;
}

function answerTo(
  question: Sentence,
  context: { sentences: readonly Sentence[]; turns: readonly Turn[]; text: string },
): Assertion {
  const { sentences, turns, text } = context;
  if (question.speaker !== 'clinician' || question.turn === undefined) {
    return 'hypothetical';
  }
  const reply = turns[question.turn + 1];
  const isLastOfTurn = !sentences.some((s) => s.turn === question.turn && s.start > question.start);
  if (!reply || reply.speaker === 'clinician' || !isLastOfTurn) {
    return 'hypothetical';
  }
  const answer = classifyAnswer(text.slice(reply.contentStart, reply.end));
  if (answer === 'yes') {
    return 'present';
  }
  return answer === 'no' ? 'absent' : 'hypothetical';
}

export function findMentions(options: {
  lexicon: Lexicon;
  rules: ContextRules;
  text: string;
  sentences: readonly Sentence[];
  turns: readonly Turn[];
  /** Spans already read as something else (vital signs): no term is matched wholly inside them. */
  exclude: readonly Span[];
}): Mention[] {
  const { lexicon, rules, text, sentences, turns, exclude } = options;
  const cache: FuzzyCache = new Map();
  const mentions: Mention[] = [];
  sentences.forEach((sentence, index) => {
    const matches = matchTerms(lexicon, sentence.tokens, cache).filter(
      (m) => !exclude.some((span) => m.start >= span.start && m.end <= span.end),
    );
    if (matches.length === 0) {
      return;
    }
    const blocked = sentence.tokens.map((_, i) => matches.some((m) => i >= m.first && i <= m.last));
    const dialogueQuestion = sentence.question && sentence.speaker !== undefined;
    const modifiers: Modifier[] = findModifiers(rules, sentence.tokens, blocked).filter(
      // In a transcript a question mark marks a question, not a doubt.
      (m) =>
        !(dialogueQuestion && m.category === 'possible' && sentence.tokens[m.first]?.raw === '?'),
    );
    const answered = dialogueQuestion ? answerTo(sentence, { sentences, turns, text }) : undefined;
    for (const match of matches) {
      const asserted = assertMention({
        modifiers,
        first: match.first,
        last: match.last,
        section: sentence.section,
      });
      const assertion =
        answered !== undefined && asserted.assertion === 'present' ? answered : asserted.assertion;
      for (const target of match.targets) {
        mentions.push({
          target,
          sentence: index,
          first: match.first,
          last: match.last,
          span: { start: match.start, end: match.end },
          text: text.slice(match.start, match.end),
          match: match.match,
          assertion,
          experiencer: asserted.experiencer,
          section: sentence.section,
          ...(sentence.speaker === undefined ? {} : { speaker: sentence.speaker }),
        });
      }
    }
  });
  return mentions;
}
