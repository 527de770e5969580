import { describe, expect, it } from 'vitest';
import { createApiClient, fetchLocalKey } from './api-client.js';
import { ApiError } from './api-error.js';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[] = []): typeof fetch {
  return (input, init) => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
    return Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'X-Request-Id': 'r1' } }),
    );
  };
}

describe('createApiClient', () => {
  it('sends the key as X-API-Key and parses the answer against the contract', async () => {
    const calls: Call[] = [];
    const client = createApiClient({
      apiKey: 'mak_test',
      fetch: fakeFetch(200, { kbVersion: '1', results: [] }, calls),
    });
    expect(await client.kbSearch({ q: 'fev', type: 'finding' })).toEqual({
      kbVersion: '1',
      results: [],
    });
    expect(calls[0]?.url).toBe('/api/v1/kb/search?q=fev&limit=8&type=finding');
    expect((calls[0]?.init.headers as Record<string, string>)['X-API-Key']).toBe('mak_test');
  });

  it('looks EHR ids up in a POST body, never in the URL', async () => {
    const calls: Call[] = [];
    const client = createApiClient({ apiKey: 'k', fetch: fakeFetch(404, {}, calls) });
    await expect(client.patient({ sourceId: 'MRN-1' })).rejects.toBeInstanceOf(ApiError);
    expect(calls[0]?.url).toBe('/api/v1/patients/lookup');
    expect(calls[0]?.init.body).toBe(JSON.stringify({ patient: { sourceId: 'MRN-1' } }));
  });

  it('turns the service’s error body into an ApiError with its code and request id', async () => {
    const client = createApiClient({
      apiKey: 'k',
      fetch: fakeFetch(401, {
        error: { code: 'UNAUTHENTICATED', message: 'Invalid key', requestId: 'abc' },
      }),
    });
    await expect(client.kbVersion()).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      requestId: 'abc',
    });
  });

  it('refuses an answer in an unexpected shape', async () => {
    const client = createApiClient({ apiKey: 'k', fetch: fakeFetch(200, { nope: true }) });
    await expect(client.kbVersion()).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      requestId: 'r1',
    });
  });

  it('reports an unreachable service as NETWORK', async () => {
    const client = createApiClient({
      apiKey: 'k',
      fetch: () => Promise.reject(new TypeError('failed')),
    });
    await expect(client.kbVersion()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('fetchLocalKey', () => {
  it('returns the local key, or null when the service does not offer one', async () => {
    expect(await fetchLocalKey(fakeFetch(200, { apiKey: 'mak_local' }))).toBe('mak_local');
    expect(await fetchLocalKey(fakeFetch(404, {}))).toBeNull();
    expect(await fetchLocalKey(() => Promise.reject(new Error('down')))).toBeNull();
  });
});
