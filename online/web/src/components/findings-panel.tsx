/**
 * Findings for this visit: typeahead over the knowledge base (`GET /api/v1/kb/search?type=finding`)
 * with a present/absent choice, the list entered so far (each can be flipped or removed), and free
 * text the service reads with its note extractor (negations included).
 */
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { FindingEntry, FindingStatus } from '../consultation/consultation-state.js';
import { Combobox } from './combobox.js';

export interface FindingsPanelProps {
  client: ApiClient;
  findings: readonly FindingEntry[];
  freeText: string;
  onAdd: (finding: FindingEntry) => void;
  onToggle: (id: string) => void;
  onRemove: (id: string) => void;
  onFreeText: (text: string) => void;
}

export function FindingsPanel(props: FindingsPanelProps) {
  const { client, findings, freeText, onAdd, onToggle, onRemove, onFreeText } = props;
  const [status, setStatus] = useState<FindingStatus>('present');
  return (
    <section className="panel findings-panel" aria-labelledby="findings-title">
      <h2 id="findings-title">Findings</h2>
      <Combobox
        label="Add a finding"
        placeholder="Symptom, sign or history…"
        hint="Type two letters, choose with the arrow keys and Enter."
        testId="finding-search"
        autoFocus
        search={async (q, signal) => {
          const answer = await client.kbSearch({ q, type: 'finding' }, signal);
          return answer.results.map((hit) => ({
            id: hit.id,
            label: hit.display,
            ...(hit.matched.toLowerCase() !== hit.display.toLowerCase()
              ? { detail: `“${hit.matched}”` }
              : {}),
          }));
        }}
        onSelect={(option) => {
          onAdd({ id: option.id, display: option.label, status, from: 'typed' });
        }}
      >
        <fieldset className="toggle">
          <legend className="visually-hidden">New findings are</legend>
          {(['present', 'absent'] as const).map((value) => (
            <label key={value} className={status === value ? 'checked' : ''}>
              <input
                type="radio"
                name="finding-status"
                value={value}
                checked={status === value}
                onChange={() => {
                  setStatus(value);
                }}
              />
              {value === 'present' ? 'Present' : 'Absent'}
            </label>
          ))}
        </fieldset>
      </Combobox>

      {findings.length === 0 ? (
        <p className="muted">No findings yet.</p>
      ) : (
        <ul className="chips" aria-label="Findings entered" data-testid="findings-list">
          {findings.map((f) => (
            <li key={f.id} className={`chip ${f.status}`}>
              <span>
                <span className="visually-hidden">{f.status}: </span>
                {f.status === 'absent' ? 'No ' : ''}
                {f.display}
              </span>
              <button
                type="button"
                className="chip-button"
                aria-label={`Mark ${f.display} as ${f.status === 'present' ? 'absent' : 'present'}`}
                onClick={() => {
                  onToggle(f.id);
                }}
              >
                {f.status === 'present' ? '+' : '−'}
              </button>
              <button
                type="button"
                className="chip-button"
                aria-label={`Remove ${f.display}`}
                onClick={() => {
                  onRemove(f.id);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}

      <label htmlFor="free-text">Or describe in words</label>
      <textarea
        id="free-text"
        rows={3}
        placeholder="e.g. cough for 3 days, no fever"
        value={freeText}
        onChange={(event) => {
          onFreeText(event.target.value);
        }}
        aria-describedby="free-text-help"
      />
      <p id="free-text-help" className="hint">
        Read by the service for findings, including negations; not stored.
      </p>
    </section>
  );
}
