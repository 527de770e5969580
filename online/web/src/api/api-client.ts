/**
 * `createApiClient({ apiKey })`: the web app's calls to the online service, each answer checked
 * against the shared zod contract (so a contract change shows as a clear error, not a broken screen).
 * The key goes in the `X-API-Key` header; requests are same-origin.
 */
import {
  AssistResponseSchema,
  DemoPatientsResponseSchema,
  KbSearchResponseSchema,
  KbVersionResponseSchema,
  PatientSummaryResponseSchema,
  SummarizeSummaryResponseSchema,
  type AssistRequestInput,
  type KbEntryType,
} from '@mediassist/shared/api';
import type { FeedbackEventInput, VisitEventInput } from '@mediassist/shared/events';
import { z } from 'zod';
import { ApiError, apiErrorOf, isAbort } from './api-error.js';

export interface ApiClientOptions {
  apiKey: string;
  /** Defaults to the page's own origin. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * `EventAcceptedSchema` of `@mediassist/shared/events`, restated: that entry point builds its Redis
 * scripts (with node:crypto) when loaded, so the browser imports only its types.
 */
const EventAcceptedSchema = z.object({ eventId: z.string(), duplicate: z.boolean() });

/** A patient as typed: a pseudonym (`pt_…`) or the EHR's id (pseudonymised by the service). */
export type PatientRefInput = { pseudonym: string } | { sourceId: string };

export function createApiClient(options: ApiClientOptions) {
  const { apiKey, baseUrl = '' } = options;
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<TSchema extends z.ZodType>(
    request: { path: string; method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal },
    schema: TSchema,
  ): Promise<z.output<TSchema>> {
    const headers: Record<string, string> = { 'X-API-Key': apiKey, Accept: 'application/json' };
    const init: RequestInit = { method: request.method ?? 'GET', headers };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    if (request.signal) {
      init.signal = request.signal;
    }
    let response: Response;
    try {
      response = await fetcher(`${baseUrl}${request.path}`, init);
    } catch (error) {
      if (isAbort(error)) {
        throw error;
      }
      throw new ApiError({
        status: 0,
        code: 'NETWORK',
        message: 'The MediAssist service could not be reached',
        requestId: null,
      });
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      throw apiErrorOf(response.status, body);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: 'BAD_RESPONSE',
        message: 'The service answered in an unexpected shape',
        requestId: response.headers.get('X-Request-Id'),
      });
    }
    return parsed.data;
  }

  return {
    kbVersion: () => call({ path: '/api/v1/kb/version' }, KbVersionResponseSchema),
    kbSearch: (query: { q: string; type?: KbEntryType; limit?: number }, signal?: AbortSignal) => {
      const params = new URLSearchParams({ q: query.q, limit: String(query.limit ?? 8) });
      if (query.type) {
        params.set('type', query.type);
      }
      return call(
        { path: `/api/v1/kb/search?${params.toString()}`, ...(signal ? { signal } : {}) },
        KbSearchResponseSchema,
      );
    },
    demoPatients: () => call({ path: '/api/v1/patients/demo' }, DemoPatientsResponseSchema),
    patient: (ref: PatientRefInput) =>
      'pseudonym' in ref
        ? call({ path: `/api/v1/patients/${ref.pseudonym}` }, PatientSummaryResponseSchema)
        : call(
            { path: '/api/v1/patients/lookup', method: 'POST', body: { patient: ref } },
            PatientSummaryResponseSchema,
          ),
    assist: (body: AssistRequestInput, signal?: AbortSignal) =>
      call(
        { path: '/api/v1/assist', method: 'POST', body, ...(signal ? { signal } : {}) },
        AssistResponseSchema,
      ),
    summarize: (body: { text: string; patient?: string; ageYears?: number }) =>
      call(
        { path: '/api/v1/summarize', method: 'POST', body: { ...body, format: 'summary' } },
        SummarizeSummaryResponseSchema,
      ),
    feedback: (body: FeedbackEventInput) =>
      call({ path: '/api/v1/events/feedback', method: 'POST', body }, EventAcceptedSchema),
    visit: (body: VisitEventInput) =>
      call({ path: '/api/v1/events/visit', method: 'POST', body }, EventAcceptedSchema),
  };
}

/** The local clinician key, offered only to a browser on the service's own machine (else null). */
export async function fetchLocalKey(
  fetcher: typeof globalThis.fetch = globalThis.fetch.bind(globalThis),
): Promise<string | null> {
  try {
    const response = await fetcher('/web/local-session', {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      return null;
    }
    const body = (await response.json()) as { apiKey?: unknown };
    return typeof body.apiKey === 'string' ? body.apiKey : null;
  } catch {
    return null;
  }
}
