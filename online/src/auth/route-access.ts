/**
 * Who may call what: the one table of route permissions. Each route names its entry with
 * `requireAccess('<entry>')`; a test proves every non-public route refuses a caller without roles.
 * Admin is listed explicitly everywhere so the table reads on its own.
 */
import type { Role } from '@mediassist/shared/api';

export const ROUTE_ACCESS = {
  /** Knowledge-base search and version (typeahead in the web app). */
  kb: ['clinician', 'admin'],
  /** POST /api/v1/assist: differential, next tests, interactions, care gaps. */
  assist: ['clinician', 'admin'],
  /** POST /api/v1/summarize: structured summary of a visit note. */
  summarize: ['clinician', 'admin'],
  /** POST /api/v1/events/* and feedback on suggestions. */
  events: ['clinician', 'admin'],
  /** Reads of one patient's features, history or care gaps. */
  patient: ['clinician', 'admin'],
  /** CDS Hooks services called by an EHR. */
  cdsHooks: ['clinician', 'admin'],
  /** GET /metrics (Prometheus). */
  metrics: ['data-scientist', 'admin'],
  /** Triggering offline jobs (ingest, train, evaluate, materialize). */
  offlineJobs: ['data-scientist', 'admin'],
  /** Model evaluation reports. */
  modelReports: ['data-scientist', 'admin'],
  /** Model registry changes (promote, roll back). */
  registry: ['admin'],
  /** Queue dashboard. */
  queues: ['admin'],
  /** GET /openapi.json. */
  apiDocs: ['clinician', 'data-scientist', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RouteAccess = keyof typeof ROUTE_ACCESS;
