/**
 * `createLoadShedder({ maxInFlight })`: bounds the assist work in progress. Every answer is counted
 * from `enter()` to `leave()`; an answer that enters while `maxInFlight` are already in progress is
 * told to shed, and answers from guidelines alone (`overloaded`) without the feature read and the
 * model. Under overload the queue stays short, the answers fast and labelled, and the work shed lets
 * the service catch up; a service that keeps up has few answers in progress and sheds nothing.
 *
 * Work in progress, not CPU or event-loop lag, is the signal: one answer spans several event-loop
 * turns (parse, feature read, model, write), so the lag of one turn understates its wait, while by
 * Little's law the answers in progress are the arrival rate times the time each takes.
 */
export interface LoadShedder {
  /** Counts an answer in progress; true when it should shed. Pair with `leave()`. */
  enter(): boolean;
  leave(): void;
}

/** `maxInFlight` 0: never sheds. */
export function createLoadShedder(options: { maxInFlight: number }): LoadShedder {
  const { maxInFlight } = options;
  let inFlight = 0;
  return {
    enter: () => ++inFlight > maxInFlight && maxInFlight > 0,
    leave: () => {
      inFlight--;
    },
  };
}
