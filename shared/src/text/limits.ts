/** The largest note the extractor reads, and the check that enforces it. */
import { AppError } from '../errors.js';

/** 20,000 characters: about ten pages of dictation, ten times a typical visit note. */
export const MAX_TEXT_CHARS = 20_000;

/** Throws PAYLOAD_TOO_LARGE (no note text in the error) when `text` is longer than `max`. */
export function assertTextWithinLimit(text: string, max: number): void {
  if (text.length > max) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Note text exceeds ${String(max)} characters`, {
      details: [{ path: 'text', issue: 'too_big' }],
    });
  }
}
