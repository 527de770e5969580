/**
 * Allergies: "no known allergies", and each substance (a KB drug or drug class when it is one, else
 * the words as written) with its reaction when stated — from the Allergies section and from
 * "allergic to …" / "… allergy" anywhere else.
 */
import type { KnowledgeBase } from '../kb/index.js';
import type { Mention } from './mentions.js';
import type { Sentence } from './sentences.js';
import type { Allergy, Section } from './summary-schema.js';

const NO_KNOWN =
  /\b(?:nkda|nka|no known (?:drug |medication )?allerg(?:ies|y)|no (?:drug |medication )?allergies|denies (?:any )?(?:drug |medication )?allergies|allergies:?\s*none)\b/i;
/** SNOMED CT semantic tags Synthea appends to names. */
const SEMANTIC_TAG =
  /\s*\((?:substance|organism|product|medicinal product|finding|disorder|qualifier value|situation|physical object|environment)\)/gi;
const REACTION =
  /\(([^)]+)\)|(?:\s[-–:]\s*|\s*(?:->|→)\s*|\b(?:causes?|caused|gives?|reaction:?|results? in|leads? to)\s+)([^,;()\n]+)/i;
const ALLERGY_WORD = /\b(?:allerg(?:y|ies|ic)|intoleran(?:t|ce))\b/i;

interface Piece {
  start: number;
  end: number;
}

/** Splits `[start, end)` on commas, semicolons and line breaks outside parentheses. */
function items(text: string, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    const ch = i < end ? text[i] : ';';
    if (ch === '(') {
      depth += 1;
    } else if (ch === ')') {
      depth = Math.max(0, depth - 1);
    } else if ((ch === ',' || ch === ';' || ch === '\n') && depth === 0) {
      const raw = text.slice(from, i);
      const lead = raw.length - raw.replace(/^[\s\-*•]+/, '').length;
      const body = raw.trim().replace(/^[-*•]\s*/, '');
      if (body !== '') {
        out.push({ start: from + lead, end: from + lead + body.length });
      }
      from = i + 1;
    }
  }
  return out;
}

export interface AllergyResult {
  allergies: Allergy[];
  /** Drug mentions read as allergens (not medications). */
  used: Set<Mention>;
}

function substanceEntry(options: {
  kb: KnowledgeBase;
  text: string;
  piece: Piece;
  substance: Mention | undefined;
  mentions: readonly Mention[];
}): Allergy {
  const { kb, text, piece, substance, mentions } = options;
  const pieceText = text.slice(piece.start, piece.end);
  const reactionMatch = REACTION.exec(pieceText.replace(SEMANTIC_TAG, (t) => ' '.repeat(t.length)));
  let reaction: Extract<Allergy, { kind: 'substance' }>['reaction'];
  if (reactionMatch) {
    const group = reactionMatch[1] ?? reactionMatch[2] ?? '';
    const offset = piece.start + reactionMatch.index + reactionMatch[0].indexOf(group);
    const span = { start: offset, end: offset + group.trimEnd().length };
    if (span.end > span.start) {
      const findingIds = mentions
        .filter(
          (m) =>
            m.target.type === 'finding' && m.span.start >= span.start && m.span.end <= span.end,
        )
        .map((m) => m.target.id);
      reaction = {
        span,
        text: text.slice(span.start, span.end),
        findingIds: [...new Set(findingIds)],
      };
    }
  }
  const substanceText = substance
    ? substance.text
    : pieceText
        .slice(0, reactionMatch?.index ?? pieceText.length)
        .replace(SEMANTIC_TAG, '')
        .trim();
  const drug = substance?.target.type === 'drug' ? kb.drugByRxcui(substance.target.id) : undefined;
  const drugClass =
    substance?.target.type === 'drug-class' ? kb.drugClass(substance.target.id) : undefined;
  return {
    kind: 'substance',
    substance: {
      text: substanceText,
      ...(drug ? { rxcui: drug.rxcui, name: drug.name } : {}),
      ...(drugClass ? { drugClassId: drugClass.id, name: drugClass.display } : {}),
    },
    ...(reaction ? { reaction } : {}),
    span: substance?.span ?? piece,
    text: substance?.text ?? text.slice(piece.start, piece.end),
  };
}

const isSubstance = (m: Mention): boolean =>
  m.target.type === 'drug' || m.target.type === 'drug-class';

export function readAllergies(options: {
  kb: KnowledgeBase;
  text: string;
  sections: readonly Section[];
  sentences: readonly Sentence[];
  mentions: readonly Mention[];
}): AllergyResult {
  const { kb, text, sections, sentences, mentions } = options;
  const allergies: Allergy[] = [];
  const used = new Set<Mention>();
  const pieces: Piece[] = [];
  for (const section of sections.filter((s) => s.kind === 'allergies')) {
    pieces.push(...items(text, section.contentStart, section.span.end));
  }
  // "allergic to penicillin (hives)", "sulfa allergy" elsewhere: the clause after or before the word.
  for (const sentence of sentences.filter((s) => s.section !== 'allergies')) {
    const body = text.slice(sentence.start, sentence.end);
    if (NO_KNOWN.test(body)) {
      const m = NO_KNOWN.exec(body);
      if (m) {
        pieces.push({
          start: sentence.start + m.index,
          end: sentence.start + m.index + m[0].length,
        });
      }
    } else if (ALLERGY_WORD.test(body)) {
      pieces.push(...items(text, sentence.start, sentence.end));
    }
  }
  for (const piece of pieces) {
    const pieceText = text.slice(piece.start, piece.end);
    const known = NO_KNOWN.exec(pieceText);
    if (known) {
      const start = piece.start + known.index;
      allergies.push({
        kind: 'no-known-allergies',
        span: { start, end: start + known[0].length },
        text: known[0],
      });
      continue;
    }
    const inSection = sections.some(
      (s) => s.kind === 'allergies' && piece.start >= s.contentStart && piece.start < s.span.end,
    );
    if (!inSection && !ALLERGY_WORD.test(pieceText)) {
      continue;
    }
    const substances = mentions.filter(
      (m) =>
        isSubstance(m) &&
        m.span.start >= piece.start &&
        m.span.end <= piece.end &&
        m.assertion !== 'absent',
    );
    if (substances.length === 0) {
      if (inSection) {
        allergies.push(substanceEntry({ kb, text, piece, substance: undefined, mentions }));
      }
      continue;
    }
    for (const substance of substances) {
      used.add(substance);
      allergies.push(substanceEntry({ kb, text, piece, substance, mentions }));
    }
  }
  return { allergies, used };
}
