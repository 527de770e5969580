/**
 * The indication parts of a medication sig: "for pain or fever", "PRN if short of breath", "at onset
 * of headache". Findings named there say why a drug is taken, not what the patient presents with, so
 * the extractor does not report them as findings. Only the words after an indication cue count, up to
 * the end of the clause, so "took ibuprofen yesterday, now has fever" keeps its fever.
 */
import type { Span } from './summary-schema.js';

/** Words that introduce an indication in a sig. */
const CUE =
  /\b(?:(?:p\.?r\.?n\.?|as needed|as required)\s+(?=if|when|for)\b)?(?:p\.?r\.?n\.?|as (?:needed|required|directed)(?: for)?|when(?: needed| required)?(?: for)?|if(?: needed)?(?: for)?|for|at (?:the )?onset of|in case of|to (?:treat|help(?: with)?|relieve|control|prevent))\b/gi;

/** Where an indication ends: a clause break or a word that starts a new statement about the patient. */
const END =
  /[,;.:!?()]|\b(?:with|without|since|but|now|still|then|although|though|however|and (?:now|still|then|i|he|she|they|has|have|had|is|was|reports?|complains?|denies))\b/i;

export function sigIndicationSpans(options: { text: string; sig: Span }): Span[] {
  const { text, sig } = options;
  const body = text.slice(sig.start, sig.end);
  const spans: Span[] = [];
  CUE.lastIndex = 0;
  for (let cue = CUE.exec(body); cue; cue = CUE.exec(body)) {
    const from = cue.index + cue[0].length;
    const end = END.exec(body.slice(from));
    const to = end ? from + end.index : body.length;
    if (to > from) {
      spans.push({ start: sig.start + from, end: sig.start + to });
    }
    CUE.lastIndex = Math.max(to, from);
  }
  return spans;
}
