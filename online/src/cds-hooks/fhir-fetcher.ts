/**
 * Reads one FHIR resource or search page from the CDS client's FHIR server with the bearer token it
 * granted (`fhirAuthorization`), under the caller's deadline. Every failure is an outcome with a
 * reason code, never a throw: the service then says what it could not check. The token is sent only
 * over https (or to a loopback host in development) and never logged; redirects are refused.
 */
export const FHIR_READ_FAILURES = [
  'timeout',
  'unreachable',
  'unauthorized',
  'not-found',
  'http-error',
  'invalid-response',
  'too-large',
  'insecure-server',
] as const;
export type FhirReadFailure = (typeof FHIR_READ_FAILURES)[number];

export type FhirReadOutcome =
  | { ok: true; resource: Readonly<Record<string, unknown>> }
  | { ok: false; reason: FhirReadFailure };

export interface FhirReadRequest {
  fhirServer: string;
  /** A relative FHIR request (`Patient/123`, `MedicationRequest?patient=123&status=active`). */
  query: string;
  accessToken?: string | undefined;
  signal: AbortSignal;
}

export interface FhirFetcher {
  read(request: FhirReadRequest): Promise<FhirReadOutcome>;
}

export interface FhirFetcherOptions {
  /** Injected for tests; the global `fetch` by default. */
  fetch?: typeof fetch;
  /** Largest response accepted (default 5 MiB). */
  maxBytes?: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or plain http only to a loopback host or without a token (an open test server). */
export function mayUseServer(url: URL, withToken: boolean): boolean {
  return url.protocol === 'https:' || !withToken || LOOPBACK_HOSTS.has(url.hostname);
}

function failureForStatus(status: number): FhirReadFailure {
  if (status === 401 || status === 403) {
    return 'unauthorized';
  }
  return status === 404 || status === 410 ? 'not-found' : 'http-error';
}

export function createFhirFetcher(options: FhirFetcherOptions = {}): FhirFetcher {
  const doFetch = options.fetch ?? fetch;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  return {
    async read({ fhirServer, query, accessToken, signal }) {
      const url = new URL(`${fhirServer.replace(/\/+$/, '')}/${query.replace(/^\/+/, '')}`);
      if (!mayUseServer(url, accessToken !== undefined)) {
        return { ok: false, reason: 'insecure-server' };
      }
      const headers: Record<string, string> = { Accept: 'application/fhir+json' };
      if (accessToken !== undefined) {
        headers['Authorization'] = `Bearer ${accessToken}`;
      }
      let response: Response;
      try {
        response = await doFetch(url, { headers, signal, redirect: 'error' });
      } catch {
        return { ok: false, reason: signal.aborted ? 'timeout' : 'unreachable' };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: failureForStatus(response.status) };
      }
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        return { ok: false, reason: signal.aborted ? 'timeout' : 'unreachable' };
      }
      if (text.length > maxBytes) {
        return { ok: false, reason: 'too-large' };
      }
      try {
        const parsed: unknown = JSON.parse(text);
        if (
          typeof parsed === 'object' &&
          parsed !== null &&
          typeof (parsed as Record<string, unknown>)['resourceType'] === 'string' &&
          (parsed as Record<string, unknown>)['resourceType'] !== 'OperationOutcome'
        ) {
          return { ok: true, resource: parsed as Record<string, unknown> };
        }
      } catch {
        // fall through
      }
      return { ok: false, reason: 'invalid-response' };
    },
  };
}
