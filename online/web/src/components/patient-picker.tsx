/** Open a patient by pseudonym or EHR id, or pick one of the demo patients sampled from the online store. */
import type { DemoPatient } from '@mediassist/shared/api';
import { useEffect, useState, type SyntheticEvent } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { patientRefOf } from '../consultation/ids.js';
import { patientLabel, shortPseudonym } from '../format/format.js';

export interface PatientPickerProps {
  client: ApiClient;
  busy: boolean;
  error: string | null;
  onOpen: (ref: { pseudonym: string } | { sourceId: string }) => void;
}

export function PatientPicker({ client, busy, error, onOpen }: PatientPickerProps) {
  const [text, setText] = useState('');
  const [demo, setDemo] = useState<DemoPatient[] | null>(null);
  const [demoError, setDemoError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    client.demoPatients().then(
      (list) => {
        if (!cancelled) {
          setDemo(list.patients);
        }
      },
      () => {
        if (!cancelled) {
          setDemoError('No demo patients are available on this service.');
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client]);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const ref = patientRefOf(text);
    if (ref) {
      onOpen(ref);
    }
  };
  const filter = text.trim().toLowerCase();
  const shown = (demo ?? []).filter((p) => filter === '' || p.patientId.includes(filter));

  return (
    <section className="patient-picker" aria-labelledby="picker-title">
      <h2 id="picker-title">Open a patient</h2>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="patient-id">Patient id</label>
        <input
          id="patient-id"
          autoFocus
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="pt_… pseudonym or EHR id"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
          aria-describedby="patient-id-help"
        />
        <button type="submit" className="primary" disabled={busy || patientRefOf(text) === null}>
          {busy ? 'Opening…' : 'Open'}
        </button>
      </form>
      <p id="patient-id-help" className="hint">
        EHR ids are pseudonymised by the service and never stored.
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <h3 id="demo-title">Demo patients (synthetic)</h3>
      {demoError ? <p className="hint">{demoError}</p> : null}
      {demo === null && !demoError ? <p className="hint">Loading…</p> : null}
      {demo !== null && demo.length === 0 ? (
        <p className="hint">
          The online store holds no patients yet: load the synthetic data (README, “Synthetic
          data”).
        </p>
      ) : null}
      {demo !== null && demo.length > 0 && shown.length === 0 ? (
        <p className="hint">No demo patient matches that id.</p>
      ) : null}
      <ul className="demo-list" aria-labelledby="demo-title">
        {shown.map((p) => (
          <li key={p.patientId}>
            <button
              type="button"
              className="demo-patient"
              title={p.patientId}
              disabled={busy}
              onClick={() => {
                onOpen({ pseudonym: p.patientId });
              }}
            >
              <span className="mono">{shortPseudonym(p.patientId)}</span>
              <span>{patientLabel(p.age, p.sex)}</span>
              <span className="muted">
                {p.chronic.length > 0 ? p.chronic.join(', ') : 'No chronic conditions'}
                {p.medicationCount !== null
                  ? ` · ${String(p.medicationCount)} medication${p.medicationCount === 1 ? '' : 's'}`
                  : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
