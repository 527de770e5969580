import { describe, expect, it } from 'vitest';
import { createFhirFetcher, mayUseServer } from './fhir-fetcher.js';

type FetchCall = { url: string; init: RequestInit | undefined };

function fetcherAnswering(response: () => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetcher = createFhirFetcher({
    fetch: (input, init) => {
      calls.push({ url: input instanceof URL ? input.href : (input as string), init });
      return Promise.resolve(response());
    },
  });
  return { fetcher, calls };
}

const read = (
  fetcher: ReturnType<typeof createFhirFetcher>,
  server = 'https://ehr.example/fhir/',
) =>
  fetcher.read({
    fhirServer: server,
    query: 'MedicationRequest?patient=1&status=active',
    accessToken: 'tok',
    signal: AbortSignal.timeout(1_000),
  });

describe('createFhirFetcher', () => {
  it('reads with the bearer token and FHIR JSON accept header, refusing redirects', async () => {
    const { fetcher, calls } = fetcherAnswering(() => Response.json({ resourceType: 'Bundle' }));
    expect(await read(fetcher)).toEqual({ ok: true, resource: { resourceType: 'Bundle' } });
    expect(calls[0]?.url).toBe(
      'https://ehr.example/fhir/MedicationRequest?patient=1&status=active',
    );
    expect(calls[0]?.init).toMatchObject({
      headers: { Accept: 'application/fhir+json', Authorization: 'Bearer tok' },
      redirect: 'error',
    });
  });

  it('reports refusals, errors and non-FHIR answers as reasons', async () => {
    const cases: [() => Response, string][] = [
      [() => new Response('no', { status: 401 }), 'unauthorized'],
      [() => new Response('gone', { status: 404 }), 'not-found'],
      [() => new Response('oops', { status: 500 }), 'http-error'],
      [() => new Response('<html>'), 'invalid-response'],
      [() => Response.json({ resourceType: 'OperationOutcome' }), 'invalid-response'],
    ];
    for (const [response, reason] of cases) {
      expect(await read(fetcherAnswering(response).fetcher)).toEqual({ ok: false, reason });
    }
  });

  it('gives up at the deadline (timeout) and on network errors (unreachable)', async () => {
    const slow = createFhirFetcher({
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    });
    const outcome = await slow.read({
      fhirServer: 'https://ehr.example/fhir',
      query: 'Patient/1',
      signal: AbortSignal.timeout(20),
    });
    expect(outcome).toEqual({ ok: false, reason: 'timeout' });
    const down = createFhirFetcher({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await read(down)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('refuses to send a token over plain http except to a loopback host', async () => {
    const { fetcher, calls } = fetcherAnswering(() => Response.json({ resourceType: 'Patient' }));
    expect(await read(fetcher, 'http://ehr.example/fhir')).toEqual({
      ok: false,
      reason: 'insecure-server',
    });
    expect(calls).toHaveLength(0);
    expect(mayUseServer(new URL('http://127.0.0.1:8080/fhir'), true)).toBe(true);
    expect(mayUseServer(new URL('http://open.example/fhir'), false)).toBe(true);
  });

  it('refuses an answer larger than the limit', async () => {
    const fetcher = createFhirFetcher({
      maxBytes: 10,
      fetch: () => Promise.resolve(Response.json({ resourceType: 'Bundle', entry: [] })),
    });
    expect(await read(fetcher)).toEqual({ ok: false, reason: 'too-large' });
  });
});
