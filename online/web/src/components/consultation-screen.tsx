/**
 * The consultation screen: open a patient, then findings, suggestions, prescribing and the note side
 * by side. Every change of findings, free text or proposed drugs asks the service again (debounced,
 * latest answer wins); feedback on any suggestion is sent as a coded event and shown as recorded.
 */
import { useCallback, useReducer, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import { assistRequestKey, buildAssistRequest } from '../consultation/assist-request.js';
import {
  consultationReducer,
  feedbackKey,
  initialConsultation,
  type SuggestionKind,
} from '../consultation/consultation-state.js';
import { buildFeedbackEvent, type DismissReason } from '../consultation/feedback-event.js';
import { newEncounterId, uuidV4 } from '../consultation/ids.js';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { useLatestRequest } from '../hooks/use-latest-request.js';
import { FeedbackControls } from './feedback-controls.js';
import { FindingsPanel } from './findings-panel.js';
import { MedicationsPanel } from './medications-panel.js';
import { NotePanel } from './note-panel.js';
import { PatientPanel } from './patient-panel.js';
import { PatientPicker } from './patient-picker.js';
import { StatusBanner } from './status-banner.js';
import { SuggestionsPanel } from './suggestions-panel.js';

/** Typing pauses this long before the suggestions are asked for again. */
export const ASSIST_DEBOUNCE_MS = 300;

export function ConsultationScreen({ client }: { client: ApiClient }) {
  const [state, dispatch] = useReducer(consultationReducer, newEncounterId(), initialConsultation);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const request = buildAssistRequest(state);
  const key = useDebouncedValue(assistRequestKey(request), ASSIST_DEBOUNCE_MS);
  const assist = useLatestRequest(key, (signal) => {
    const body = JSON.parse(key) as Parameters<ApiClient['assist']>[0];
    return client.assist(body, signal);
  });
  const answer = request === null ? null : assist.data;
  const patient = state.patient;

  const open = async (ref: { pseudonym: string } | { sourceId: string }) => {
    setOpening(true);
    setOpenError(null);
    try {
      const summary = await client.patient(ref);
      dispatch({ type: 'patient-opened', patient: summary, encounterId: newEncounterId() });
    } catch (thrown) {
      setOpenError(
        thrown instanceof ApiError && thrown.code === 'NOT_FOUND'
          ? 'No stored record for that id.'
          : thrown instanceof ApiError
            ? thrown.message
            : 'The patient could not be opened.',
      );
    } finally {
      setOpening(false);
    }
  };

  const sendFeedback = useCallback(
    (
      target: { kind: SuggestionKind; id: string },
      choice: { action: 'accepted' } | { action: 'dismissed'; reason: DismissReason },
    ) => {
      if (!patient) {
        return;
      }
      const eventId = uuidV4();
      const reason = choice.action === 'dismissed' ? choice.reason : null;
      const base = { action: choice.action, reason, eventId, error: null };
      dispatch({ type: 'feedback-changed', ...target, entry: { ...base, state: 'sending' } });
      const body = buildFeedbackEvent({
        eventId,
        patientId: patient.patientId,
        encounterId: state.encounterId,
        occurredAt: new Date(),
        modelVersion: answer?.provenance.modelVersion ?? null,
        choice: { ...target, ...choice },
      });
      client.feedback(body).then(
        () => {
          dispatch({ type: 'feedback-changed', ...target, entry: { ...base, state: 'recorded' } });
        },
        (thrown: unknown) => {
          const error = thrown instanceof ApiError ? thrown.message : 'not sent';
          dispatch({
            type: 'feedback-changed',
            ...target,
            entry: { ...base, state: 'failed', error },
          });
        },
      );
    },
    [client, patient, state.encounterId, answer],
  );

  const feedback = (kind: SuggestionKind, id: string, subject: string): ReactNode => (
    <FeedbackControls
      subject={subject}
      entry={state.feedback[feedbackKey(kind, id)]}
      onSubmit={(choice) => {
        sendFeedback({ kind, id }, choice);
      }}
    />
  );

  if (!patient) {
    return (
      <PatientPicker
        client={client}
        busy={opening}
        error={openError}
        onOpen={(ref) => void open(ref)}
      />
    );
  }
  return (
    <>
      <div className="patient-bar">
        <button
          type="button"
          className="link"
          onClick={() => {
            dispatch({ type: 'patient-closed' });
          }}
        >
          ← Change patient
        </button>
        <StatusBanner patient={patient} answer={answer} />
      </div>
      <div className="grid">
        <PatientPanel
          patient={patient}
          careGapFeedback={(id, title) => feedback('care-gap', id, title)}
        />
        <div className="column">
          <FindingsPanel
            client={client}
            findings={state.findings}
            freeText={state.freeText}
            onAdd={(finding) => {
              dispatch({ type: 'finding-set', finding });
            }}
            onToggle={(id) => {
              dispatch({ type: 'finding-toggled', id });
            }}
            onRemove={(id) => {
              dispatch({ type: 'finding-removed', id });
            }}
            onFreeText={(text) => {
              dispatch({ type: 'free-text-changed', text });
            }}
          />
          <SuggestionsPanel
            answer={answer}
            loading={assist.loading}
            error={assist.error}
            idle={request === null}
            feedback={feedback}
            onAnswer={(finding, status) => {
              dispatch({ type: 'finding-set', finding: { ...finding, status, from: 'question' } });
            }}
          />
        </div>
        <div className="column">
          <MedicationsPanel
            client={client}
            proposed={state.proposedDrugs}
            answer={answer}
            loading={assist.loading}
            onPropose={(drug) => {
              dispatch({ type: 'drug-proposed', drug });
            }}
            onRemove={(rxcui) => {
              dispatch({ type: 'drug-removed', rxcui });
            }}
            feedback={(id, subject) => feedback('interaction', id, subject)}
          />
          <NotePanel
            key={state.encounterId}
            client={client}
            patientId={patient.patientId}
            patientAge={patient.age}
            encounterId={state.encounterId}
            onUseFindings={(findings) => {
              dispatch({ type: 'findings-merged', findings });
            }}
          />
        </div>
      </div>
    </>
  );
}
