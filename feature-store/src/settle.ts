/** Runs `fn` on a later microtask so that a throw becomes a rejection, as with an I/O-backed store. */
export function settle<T>(fn: () => T): Promise<T> {
  return Promise.resolve().then(fn);
}
