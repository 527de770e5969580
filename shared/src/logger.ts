/** The structured logger: pino, with PHI-bearing fields removed wherever they appear (three levels deep). */
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

export function phiRedactPaths(fields: readonly string[] = PHI_FIELDS): string[] {
  return fields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
}

export interface CreateLoggerOptions {
  name: string;
  level?: LoggerOptions['level'];
  /** Where to write; defaults to stdout. Tests pass a stream to inspect output. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: CreateLoggerOptions): Logger {
  const { name, level = process.env['LOG_LEVEL'] ?? 'info', destination } = options;
  const config: LoggerOptions = {
    // `service`, not pino's `name`: `name` is a PHI field and is removed wherever it appears.
    base: { service: name, pid: process.pid },
    level,
    redact: { paths: phiRedactPaths(), remove: true },
  };
  return destination ? pino(config, destination) : pino(config);
}

export type { Logger };
