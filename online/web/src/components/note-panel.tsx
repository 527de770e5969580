/**
 * The visit note: paste or type it, let the service structure it (`POST /api/v1/summarize`), review
 * what it read — untick what is wrong, flip a finding present/absent — then add its findings to the
 * consultation or save the coded visit (`POST /api/v1/events/visit`). Only codes are saved.
 */
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import type { FindingEntry } from '../consultation/consultation-state.js';
import { uuidV4 } from '../consultation/ids.js';
import type { ClinicalSummary } from '../consultation/summary-types.js';
import {
  buildVisitEvent,
  keepAll,
  patientFindingStatus,
  type KeptItems,
} from '../consultation/visit-event.js';
import { SummaryReview } from './summary-review.js';

export interface NotePanelProps {
  client: ApiClient;
  patientId: string;
  /** The patient's age in years, when the record has it: children's vital-sign cut-offs. */
  patientAge: number | null;
  encounterId: string;
  onUseFindings: (findings: FindingEntry[]) => void;
}

type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; eventId: string }
  | { state: 'failed'; message: string };

export function NotePanel({
  client,
  patientId,
  patientAge,
  encounterId,
  onUseFindings,
}: NotePanelProps) {
  const [text, setText] = useState('');
  const [summary, setSummary] = useState<ClinicalSummary | null>(null);
  const [kept, setKept] = useState<KeptItems | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ state: 'idle' });

  const structure = async () => {
    setBusy(true);
    setError(null);
    setSave({ state: 'idle' });
    try {
      const result = await client.summarize({
        text,
        patient: patientId,
        ...(patientAge === null ? {} : { ageYears: patientAge }),
      });
      setSummary(result);
      setKept(keepAll(result));
    } catch (thrown) {
      setError(thrown instanceof ApiError ? thrown.message : 'The note could not be structured.');
    } finally {
      setBusy(false);
    }
  };

  const saveVisit = async () => {
    if (!summary || !kept) {
      return;
    }
    const eventId = uuidV4();
    setSave({ state: 'saving' });
    try {
      const event = buildVisitEvent({
        eventId,
        patientId,
        encounterId,
        occurredAt: new Date(),
        summary,
        kept,
      });
      await client.visit(event);
      setSave({ state: 'saved', eventId });
    } catch (thrown) {
      setSave({
        state: 'failed',
        message: thrown instanceof ApiError ? thrown.message : 'Not saved.',
      });
    }
  };

  return (
    <section className="panel note-panel" aria-labelledby="note-title">
      <h2 id="note-title">Visit note</h2>
      <label htmlFor="note-text">Note or transcript</label>
      <textarea
        id="note-text"
        rows={6}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setSummary(null);
          setKept(null);
        }}
        placeholder={'CC: cough\nHPI: 3 days of cough, denies fever.\nPlan: …'}
      />
      <button
        type="button"
        className="primary"
        disabled={busy || text.trim() === ''}
        onClick={() => void structure()}
      >
        {busy ? 'Structuring…' : 'Structure note'}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {summary && kept ? (
        <>
          <SummaryReview summary={summary} kept={kept} onChange={setKept} />
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                onUseFindings(
                  patientFindingStatus(summary, kept).map((f) => ({ ...f, from: 'note' as const })),
                );
              }}
            >
              Add findings to consultation
            </button>
            <button
              type="button"
              className="primary"
              disabled={save.state === 'saving' || save.state === 'saved'}
              onClick={() => void saveVisit()}
            >
              Save visit record
            </button>
          </div>
          <p
            role="status"
            className={save.state === 'failed' ? 'error' : 'ok'}
            data-testid="visit-status"
          >
            {save.state === 'saving'
              ? 'Saving…'
              : save.state === 'saved'
                ? '✓ Visit recorded; the patient’s record refreshes within seconds.'
                : save.state === 'failed'
                  ? `Not saved: ${save.message}`
                  : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}
