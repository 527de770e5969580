/**
 * Redis settings for bulk loads in the benchmarks: the AOF is rewritten only once it has grown
 * past this size (Redis's default is 64mb, so a 100,000-patient load of ~200 MB rewrote it during
 * the run, ~0.7 s of the second core).
 */
export const BULK_LOAD_AOF_REWRITE_MIN_SIZE = '1gb';
