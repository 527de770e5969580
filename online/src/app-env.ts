/** The Hono environment every route and middleware shares: per-request variables set by the frame. */
import type { Role } from '@mediassist/shared/api';
import type { ErrorCode } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';
import type { RequestIdVariables } from 'hono/request-id';
import type { Caller } from './auth/caller.js';

/** Set by `responseFrame` (middleware/) on requests whose JSON answers `frameJson` may build. */
export interface JsonFrame {
  /** Every header of a JSON answer, `x-request-id` included. */
  readonly headers: Readonly<Record<string, string>>;
  /** The answer `frameJson` built, to tell it from one an error handler built afterwards. */
  answer?: Response;
}

export interface AppVariables extends RequestIdVariables {
  /** Set by `authenticate` on every non-public route. */
  caller?: Caller;
  /** The caller's role that `requireRole` accepted; recorded in the audit log. */
  grantedRole?: Role;
  /** Set by a handler through `recordPatientAccess`; the audit middleware writes the record. */
  auditPatient?: PatientId;
  /** The error code of the response, set by the error handler (for logs and metrics). */
  errorCode?: ErrorCode;
  /** Set by `responseFrame` when `frameJson` may build a JSON answer with plain headers. */
  jsonFrame?: JsonFrame;
}

export interface AppEnv {
  Variables: AppVariables;
}
