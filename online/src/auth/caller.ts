/** The authenticated caller of a request: a subject id and its roles. Ids only, never a secret. */
import type { Role } from '@mediassist/shared/api';

export interface Caller {
  /** Stable id of the person or system (API key subject or JWT `sub`). Recorded in the audit log. */
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly via: 'api-key' | 'jwt';
}

/** What a request presented: the `X-API-Key` header and/or an `Authorization: Bearer` token. */
export interface Credentials {
  readonly apiKey?: string | undefined;
  readonly bearer?: string | undefined;
}

export interface Authenticator {
  /** Resolves the caller or throws `AppError('UNAUTHENTICATED')`. Messages never echo the credential. */
  authenticate(credentials: Credentials): Promise<Caller>;
}
