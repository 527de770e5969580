/** The open patient's stored record: who, chronic conditions, medications, care gaps, and how fresh it is. */
import type { PatientSummaryResponse } from '@mediassist/shared/api';
import { useState, type ReactNode } from 'react';
import { formatAge, patientLabel, viewLabel, viewStateLabel } from '../format/format.js';

export interface PatientPanelProps {
  patient: PatientSummaryResponse;
  /** Feedback controls for one care gap (rendered under it). */
  careGapFeedback: (serviceId: string, title: string) => ReactNode;
}

/** Care gaps shown before "Show all". */
const GAPS_SHOWN = 4;

const GAP_SOURCES = {
  'feature-view': 'From the stored care-gap record.',
  'computed-from-features': 'Worked out from the stored history and tests.',
  'computed-from-request':
    'Worked out from age and sex only: the history is not stored, so services done elsewhere may show as due.',
  unavailable: '',
} as const;

export function PatientPanel({ patient, careGapFeedback }: PatientPanelProps) {
  const { conditions, medications, careGaps, freshness } = patient;
  const [allGaps, setAllGaps] = useState(false);
  const gaps = allGaps ? careGaps.items : careGaps.items.slice(0, GAPS_SHOWN);
  return (
    <section className="panel patient-panel" aria-labelledby="patient-title">
      <h2 id="patient-title">
        {patientLabel(patient.age, patient.sex)}
        <span className="mono muted small" title="Pseudonym">
          {' '}
          {patient.patientId}
        </span>
      </h2>

      <h3>Chronic conditions</h3>
      {!conditions.known ? (
        <p className="muted">Not available from the stored record.</p>
      ) : conditions.chronic.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="plain" data-testid="chronic-conditions">
          {conditions.chronic.map((c) => (
            <li key={c.conditionId}>
              {c.display} <span className="code">{c.icd10}</span>
            </li>
          ))}
        </ul>
      )}
      {conditions.recent.length > 0 ? (
        <>
          <h3>Recent (past year)</h3>
          <ul className="plain">
            {conditions.recent.map((c) => (
              <li key={c.conditionId}>{c.display}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>Active medications</h3>
      {!medications.known ? (
        <p className="muted">Not available from the stored record.</p>
      ) : medications.active.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="plain" data-testid="active-medications">
          {medications.active.map((m) => (
            <li key={m.rxcui}>
              {m.name ?? 'Unknown drug'} <span className="code">RxCUI {m.rxcui}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>Preventive care due</h3>
      {careGaps.source === 'unavailable' ? (
        <p className="muted">Cannot be worked out without age and sex.</p>
      ) : careGaps.items.length === 0 ? (
        <p className="muted">Nothing open.</p>
      ) : (
        <ul className="plain care-gaps" data-testid="care-gaps">
          {gaps.map((gap) => (
            <li key={gap.serviceId}>
              <span>{gap.title}</span>{' '}
              <span className="muted small">
                USPSTF/ACIP {gap.grade} ({gap.year})
                {gap.dueSince ? ` · due since ${gap.dueSince}` : ''}
              </span>
              <details>
                <summary>Sources</summary>
                <p className="small">{gap.sources.join(', ')}</p>
              </details>
              {careGapFeedback(gap.serviceId, gap.title)}
            </li>
          ))}
        </ul>
      )}
      {careGaps.items.length > GAPS_SHOWN ? (
        <button
          type="button"
          className="link small"
          aria-expanded={allGaps}
          onClick={() => {
            setAllGaps(!allGaps);
          }}
        >
          {allGaps ? 'Show fewer' : `Show all ${String(careGaps.items.length)}`}
        </button>
      ) : null}
      {careGaps.items.length > 0 ? <p className="hint">{GAP_SOURCES[careGaps.source]}</p> : null}

      <details className="freshness" open={freshness.stale.length > 0 || freshness.read !== 'ok'}>
        <summary>
          Record freshness{' '}
          {freshness.read !== 'ok'
            ? '(unavailable)'
            : freshness.stale.length > 0
              ? `(${String(freshness.stale.length)} stale)`
              : '(up to date)'}
        </summary>
        <table>
          <caption className="visually-hidden">Feature views of the stored record</caption>
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">State</th>
              <th scope="col">As of</th>
            </tr>
          </thead>
          <tbody>
            {freshness.views.map((view) => (
              <tr key={view.view} className={`state-${view.status}`}>
                <th scope="row">{viewLabel(view.view)}</th>
                <td>{viewStateLabel(view.status)}</td>
                <td>
                  {view.asOf ? (
                    <time dateTime={view.asOf} title={view.asOf}>
                      {view.ageMs !== null ? `${formatAge(view.ageMs)} ago` : view.asOf}
                    </time>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
