/**
 * Sign-in: the app asks for an API key (sent as `X-API-Key`; kept in this tab's session storage).
 * On the service's own machine the launcher's local clinician key is offered (see README).
 */
import { useEffect, useState, type SyntheticEvent } from 'react';
import { createApiClient, fetchLocalKey } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';

export interface ApiKeyFormProps {
  onConnected: (apiKey: string, kbVersion: string) => void;
}

export function ApiKeyForm({ onConnected }: ApiKeyFormProps) {
  const [key, setKey] = useState('');
  const [local, setLocal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void fetchLocalKey().then((found) => {
      if (!cancelled && found) {
        setKey((current) => (current === '' ? found : current));
        setLocal(true);
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const apiKey = key.trim();
    if (apiKey === '') {
      setError('Enter an API key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await createApiClient({ apiKey }).kbVersion();
      onConnected(apiKey, version.version);
    } catch (thrown) {
      setError(
        thrown instanceof ApiError && thrown.status === 401
          ? 'This key was not accepted.'
          : thrown instanceof ApiError && thrown.status === 403
            ? 'This key does not have the clinician role.'
            : 'The MediAssist service could not be reached.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>MediAssist</h1>
      <p>Decision support for the consultation: suggestions to consider, never a diagnosis.</p>
      <form onSubmit={(event) => void submit(event)} aria-describedby="key-help">
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={key}
          onChange={(event) => {
            setKey(event.target.value);
          }}
          aria-invalid={error !== null}
          aria-describedby={error ? 'key-error' : undefined}
        />
        <p id="key-help" className="hint">
          {local
            ? 'Filled in with this machine’s local clinician key (local development only).'
            : 'A clinician key (mak_…) from your administrator.'}
        </p>
        {error ? (
          <p id="key-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </form>
    </main>
  );
}
