/**
 * Drugs being considered (typeahead over the KB's drugs, brands and international, former and
 * compound names included) and the interaction warnings against the stored active list and each
 * other, checked locally by the service's interaction checker on every change.
 */
import type { AssistResponse } from '@mediassist/shared/api';
import type { ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { DrugEntry } from '../consultation/consultation-state.js';
import { Combobox } from './combobox.js';
import { drugOptionDetail } from './drug-option-detail.js';

export interface MedicationsPanelProps {
  client: ApiClient;
  proposed: readonly DrugEntry[];
  answer: AssistResponse | null;
  loading: boolean;
  onPropose: (drug: DrugEntry) => void;
  onRemove: (rxcui: string) => void;
  feedback: (id: string, subject: string) => ReactNode;
}

const SEVERITY_ORDER = { contraindicated: 0, major: 1, moderate: 2, minor: 3 } as const;

export function MedicationsPanel(props: MedicationsPanelProps) {
  const { client, proposed, answer, loading, onPropose, onRemove, feedback } = props;
  const warnings = [...(answer?.interactions.warnings ?? [])].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return (
    <section className="panel medications-panel" aria-labelledby="meds-title">
      <h2 id="meds-title">Prescribing</h2>
      <Combobox
        label="Drug being considered"
        placeholder="Drug, brand or international name…"
        testId="drug-search"
        search={async (q, signal) => {
          const answer = await client.kbSearch({ q, type: 'drug' }, signal);
          return answer.results.map((hit) => ({
            id: hit.id,
            label: hit.display,
            detail: drugOptionDetail(hit),
          }));
        }}
        onSelect={(option) => {
          onPropose({ rxcui: option.id, name: option.label });
        }}
      />
      {proposed.length > 0 ? (
        <ul className="chips" aria-label="Drugs being considered">
          {proposed.map((d) => (
            <li key={d.rxcui} className="chip drug">
              <span>{d.name}</span>
              <button
                type="button"
                className="chip-button"
                aria-label={`Remove ${d.name}`}
                onClick={() => {
                  onRemove(d.rxcui);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div role="alert" data-testid="interaction-warnings">
        {warnings.map((w) => {
          const subject = `${w.drugs[0].name} with ${w.drugs[1].name}`;
          return (
            <article key={w.interactionId} className={`warning severity-${w.severity}`}>
              <h3>
                <span className="severity">{w.severity}</span> {subject}
              </h3>
              <p>{w.consequence}</p>
              <p>
                <strong>Management:</strong> {w.management}
              </p>
              <details>
                <summary>Mechanism and sources</summary>
                <p className="small">{w.mechanism}</p>
                <p className="small">Sources: {w.sources.join(', ')}</p>
              </details>
              {feedback(w.interactionId, subject)}
            </article>
          );
        })}
      </div>
      {proposed.length > 0 && answer && !loading && warnings.length === 0 ? (
        <p className="ok" role="status">
          No interaction found with the active list (
          {answer.interactions.activeMedicationsFrom === 'request+features'
            ? 'stored medications checked'
            : 'stored medications not available'}
          ).
        </p>
      ) : null}
    </section>
  );
}
