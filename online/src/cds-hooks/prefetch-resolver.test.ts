import { describe, expect, it } from 'vitest';
import type { FhirFetcher, FhirReadRequest } from './fhir-fetcher.js';
import { resolvePrefetch } from './prefetch-resolver.js';

function recordingFetcher(answer: (query: string) => ReturnType<FhirFetcher['read']>) {
  const queries: FhirReadRequest[] = [];
  const fetcher: FhirFetcher = {
    read(request) {
      queries.push(request);
      return answer(request.query);
    },
  };
  return { fetcher, queries };
}

const context = { patientId: '123', userId: 'Practitioner/1' };

describe('resolvePrefetch', () => {
  it('uses prefetched values, including null ("no data"), without calling the FHIR server', async () => {
    const { fetcher, queries } = recordingFetcher(() =>
      Promise.resolve({ ok: false, reason: 'unreachable' }),
    );
    const result = await resolvePrefetch({
      keys: ['patient', 'medications'],
      request: {
        context,
        prefetch: { patient: { resourceType: 'Patient' }, medications: null },
        fhirServer: 'https://ehr.example/fhir',
      },
      fetcher,
      timeoutMs: 100,
    });
    expect([...result.values]).toEqual([
      ['patient', { resourceType: 'Patient' }],
      ['medications', null],
    ]);
    expect(result.gaps).toEqual([]);
    expect(queries).toEqual([]);
  });

  it('reads missing keys from the FHIR server with the granted token, in parallel', async () => {
    const { fetcher, queries } = recordingFetcher((query) =>
      Promise.resolve(
        query.startsWith('Patient/')
          ? { ok: true, resource: { resourceType: 'Patient' } }
          : { ok: false, reason: 'unauthorized' },
      ),
    );
    const result = await resolvePrefetch({
      keys: ['patient', 'medications', 'encounter'],
      request: {
        context,
        prefetch: {},
        fhirServer: 'https://ehr.example/fhir',
        fhirAuthorization: { access_token: 'tok', token_type: 'Bearer' },
      },
      fetcher,
      timeoutMs: 100,
    });
    expect(queries.map((q) => [q.query, q.accessToken])).toEqual([
      ['Patient/123', 'tok'],
      ['MedicationRequest?patient=123&status=active', 'tok'],
    ]);
    expect(result.fetched).toEqual(['patient']);
    expect(result.gaps).toEqual([
      { key: 'encounter', reason: 'no-context-value' },
      { key: 'medications', reason: 'unauthorized' },
    ]);
  });

  it('lists every key as not prefetched when there is no FHIR server', async () => {
    const { fetcher } = recordingFetcher(() =>
      Promise.resolve({ ok: false, reason: 'unreachable' }),
    );
    const result = await resolvePrefetch({
      keys: ['patient'],
      request: { context },
      fetcher,
      timeoutMs: 100,
    });
    expect(result.gaps).toEqual([{ key: 'patient', reason: 'not-prefetched' }]);
  });
});
