/** The doctor's web app: sign in with an API key, then the consultation screen. */
import { useMemo, useState } from 'react';
import { createApiClient } from './api/api-client.js';
import { ApiKeyForm } from './components/api-key-form.js';
import { ConsultationScreen } from './components/consultation-screen.js';

const KEY_STORAGE = 'mediassist.apiKey';

interface Session {
  apiKey: string;
  kbVersion: string;
}

function storedSession(): Session | null {
  const apiKey = sessionStorage.getItem(KEY_STORAGE);
  const kbVersion = sessionStorage.getItem(`${KEY_STORAGE}.kb`);
  return apiKey && kbVersion ? { apiKey, kbVersion } : null;
}

export function App() {
  const [session, setSession] = useState<Session | null>(storedSession);
  const client = useMemo(
    () => (session ? createApiClient({ apiKey: session.apiKey }) : null),
    [session],
  );
  if (!session || !client) {
    return (
      <ApiKeyForm
        onConnected={(apiKey, kbVersion) => {
          sessionStorage.setItem(KEY_STORAGE, apiKey);
          sessionStorage.setItem(`${KEY_STORAGE}.kb`, kbVersion);
          setSession({ apiKey, kbVersion });
        }}
      />
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the consultation
      </a>
      <header className="app-header">
        <span className="brand">MediAssist</span>
        <span className="muted small">
          Suggestions support your judgement; they are never a diagnosis.
        </span>
        <span className="spacer" />
        <span className="muted small">KB {session.kbVersion}</span>
        <button
          type="button"
          className="link"
          onClick={() => {
            sessionStorage.removeItem(KEY_STORAGE);
            sessionStorage.removeItem(`${KEY_STORAGE}.kb`);
            setSession(null);
          }}
        >
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <ConsultationScreen client={client} />
      </main>
    </>
  );
}
