/**
 * The structured logger: pino, with PHI-bearing fields removed wherever they appear in the first three
 * levels of a logged object (and of child loggers' bindings). The removal is a walk over the keys
 * (pino's `formatters.log` hook, and `child`) that copies only what it changes: pino's own `redact` with wildcard
 * paths re-parses every path for every logged value (~60 µs a line), too slow for a per-request log.
 */
import { pino, type Logger, type LoggerOptions } from 'pino';

/** Field names that may hold PHI or free text. Logs carry ids and codes only. */
export const PHI_FIELDS = [
  'name',
  'given',
  'family',
  'firstName',
  'lastName',
  'fullName',
  'patientName',
  'address',
  'line',
  'city',
  'postalCode',
  'telecom',
  'phone',
  'email',
  'birthDate',
  'dob',
  'ssn',
  'mrn',
  'identifier',
  'sourcePatientId',
  'text',
  'note',
  'noteText',
  'narrative',
  'freeText',
  'transcript',
  'body',
  'authorization',
] as const;

/** The same rule as pino `redact` paths (what `createLogger` removes), for tools that take paths. */
export function phiRedactPaths(fields: readonly string[] = PHI_FIELDS): string[] {
  return fields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
}

const PHI_KEYS: ReadonlySet<string> = new Set(PHI_FIELDS);
/** Levels of a logged object searched for PHI keys (as `f`, `*.f`, `*.*.f`). */
export const PHI_DEPTH = 3;

/** Own properties, prototype and non-enumerable ones (an Error's message and stack) included. */
function shallowCopy(value: object): Record<string, unknown> {
  return Object.create(
    Object.getPrototypeOf(value) as object | null,
    Object.getOwnPropertyDescriptors(value),
  ) as Record<string, unknown>;
}

/**
 * `value` without PHI keys in its first `depth` levels (arrays count as a level, like `*` in a redact
 * path). Returns `value` itself when there is nothing to remove; otherwise copies only the objects on
 * the way to a removed key, never mutating what the caller logged.
 */
export function withoutPhi(value: unknown, depth: number = PHI_DEPTH): unknown {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const kept = withoutPhi(item, depth - 1);
      if (kept !== item) {
        copy ??= value.slice();
        copy[i] = kept;
      }
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    if (PHI_KEYS.has(key)) {
      copy ??= shallowCopy(record);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removing the PHI key is the point
      delete copy[key];
      continue;
    }
    const item = record[key];
    const kept = withoutPhi(item, depth - 1);
    if (kept !== item) {
      copy ??= shallowCopy(record);
      copy[key] = kept;
    }
  }
  return copy ?? value;
}

const stripPhi = <TValue extends Record<string, unknown>>(value: TValue): TValue =>
  withoutPhi(value) as TValue;

export interface CreateLoggerOptions {
  name: string;
  level?: LoggerOptions['level'];
  /** Where to write; defaults to stdout. Tests pass a stream to inspect output. */
  destination?: pino.DestinationStream;
  /**
   * Stdout only: write lines in batches of about this many bytes, and at least every second,
   * instead of one write(2) per line (a service logging every request spends a few per cent of its
   * CPU in those calls). A normal exit, a fatal error or a signal that ends the process through
   * `process.exit` flushes what is buffered; a SIGKILL loses at most this much. Below 16 KB.
   */
  bufferBytes?: number;
}

/** Stdout through pino's own SonicBoom (flushed on exit by pino), flushed once a second too. */
const bufferedStdout = (bufferBytes: number): pino.DestinationStream =>
  pino.destination({ dest: 1, minLength: bufferBytes, sync: false, periodicFlush: 1_000 });

export function createLogger(options: CreateLoggerOptions): Logger {
  const { name, level = process.env['LOG_LEVEL'] ?? 'info', bufferBytes } = options;
  const destination =
    options.destination ?? (bufferBytes === undefined ? undefined : bufferedStdout(bufferBytes));
  const config: LoggerOptions = {
    // `service`, not pino's `name`: `name` is a PHI field and is removed wherever it appears.
    base: { service: name, pid: process.pid },
    level,
    formatters: { log: stripPhi, bindings: stripPhi },
  };
  const logger = destination ? pino(config, destination) : pino(config);
  // pino applies the bindings formatter to the root only; children (created from their parent, so
  // they inherit this) get their bindings cleaned here.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with each logger as `this`
  const child = logger.child;
  logger.child = function childWithoutPhi(this: Logger, bindings, options) {
    return child.call(this, stripPhi(bindings), options);
  } as Logger['child'];
  return logger;
}

export type { Logger };
