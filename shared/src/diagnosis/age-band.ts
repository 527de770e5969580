/** The knowledge base's age bands (priors are given per band). */
import type { AgeBand } from '../kb/schema.js';

export function ageBand(age: number): AgeBand {
  if (age < 5) {
    return '0-4';
  }
  if (age < 18) {
    return '5-17';
  }
  if (age < 40) {
    return '18-39';
  }
  return age < 65 ? '40-64' : '65+';
}
