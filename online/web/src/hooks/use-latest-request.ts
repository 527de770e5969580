/**
 * Runs `run(signal)` whenever `key` changes (after the caller's debounce), aborting the previous
 * request, so only the answer to the latest input is ever shown. The last good answer stays on
 * screen while the next one loads; an empty key clears it.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from '../api/api-error.js';

export interface LatestRequestState<TData> {
  data: TData | null;
  /** The key `data` answers (it may be an earlier key while the next answer loads). */
  dataKey: string;
  loading: boolean;
  error: ApiError | null;
  /** Increments on every new answer (for "updated" announcements). */
  version: number;
}

export function useLatestRequest<TData>(
  key: string,
  run: (signal: AbortSignal) => Promise<TData>,
): LatestRequestState<TData> {
  const [state, setState] = useState<LatestRequestState<TData>>({
    data: null,
    dataKey: '',
    loading: false,
    error: null,
    version: 0,
  });
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (key === '') {
      setState((s) => ({
        data: null,
        dataKey: '',
        loading: false,
        error: null,
        version: s.version,
      }));
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    runRef.current(controller.signal).then(
      (data) => {
        setState((s) => ({
          data,
          dataKey: key,
          loading: false,
          error: null,
          version: s.version + 1,
        }));
      },
      (error: unknown) => {
        if (isAbort(error)) {
          return;
        }
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError({
                status: 0,
                code: 'INTERNAL',
                message: 'Unexpected error',
                requestId: null,
              });
        setState((s) => ({ ...s, loading: false, error: apiError }));
      },
    );
    return () => {
      controller.abort();
    };
  }, [key]);
  return state;
}
