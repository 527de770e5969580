/** Counting what an `EncodedFeatureBatch` holds (progress figures of materialization). */
import type { EncodedFeatureBatch } from './online-store.js';

/** View values in a batch (rows × views present). */
export function countBatchValues(batch: EncodedFeatureBatch): number {
  let n = 0;
  if (batch.byRow) {
    for (const length of batch.byRow.lengths) {
      if (length >= 0) {
        n += 1;
      }
    }
    return n;
  }
  for (const column of batch.views) {
    for (const asOf of column.asOfMs) {
      if (!Number.isNaN(asOf)) {
        n += 1;
      }
    }
  }
  return n;
}
