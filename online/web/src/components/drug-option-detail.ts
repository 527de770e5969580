/**
 * The secondary text of a drug in the prescribing typeahead: the name the prescriber typed when it
 * is not the ingredient's (a brand, an international, former or compound name), else the RxCUI.
 */
import type { KbSearchHit } from '@mediassist/shared/api';

const SYNONYM_LABEL: Record<NonNullable<KbSearchHit['synonymKind']>, string> = {
  international: 'international name',
  former: 'former name',
  compound: 'part of',
  abbreviation: 'abbreviation',
};

export function drugOptionDetail(hit: KbSearchHit): string {
  if (hit.field === 'brand') {
    return `brand “${hit.matched}”`;
  }
  if (hit.field === 'synonym') {
    const label = hit.synonymKind ? SYNONYM_LABEL[hit.synonymKind] : 'also called';
    return `${label} “${hit.matched}”`;
  }
  return `RxCUI ${hit.id}`;
}
