/**
 * The live answer: red flags, the differential (suggestions to consider, never a diagnosis), the
 * questions that would narrow it most, and the tests guidelines recommend, each with its sources.
 * Updates as findings change; a polite live region says when it did.
 */
import type { AssistResponse } from '@mediassist/shared/api';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.js';
import type { FindingStatus, SuggestionKind } from '../consultation/consultation-state.js';
import { DifferentialItem } from './differential-item.js';

export interface SuggestionsPanelProps {
  answer: AssistResponse | null;
  loading: boolean;
  error: ApiError | null;
  /** True while there is nothing to ask yet (no findings, text or proposed drug). */
  idle: boolean;
  feedback: (kind: SuggestionKind, id: string, subject: string) => ReactNode;
  onAnswer: (finding: { id: string; display: string }, status: FindingStatus) => void;
}

export function SuggestionsPanel(props: SuggestionsPanelProps) {
  const { answer, loading, error, idle, feedback, onAnswer } = props;
  const announcement = idle
    ? ''
    : loading
      ? 'Updating suggestions…'
      : error
        ? `Suggestions could not be updated: ${error.message}`
        : answer
          ? `Suggestions updated: ${String(answer.differential.items.length)} to consider.`
          : '';
  return (
    <section
      className="panel suggestions-panel"
      aria-labelledby="suggestions-title"
      aria-busy={loading}
    >
      <h2 id="suggestions-title">
        Suggestions to consider {loading ? <span className="spinner" aria-hidden="true" /> : null}
      </h2>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="assist-status">
        {announcement}
      </p>
      {idle ? (
        <p className="muted">Enter findings to see a differential, next questions and tests.</p>
      ) : null}
      {error && !loading ? (
        <p className="error" role="alert">
          Suggestions could not be updated: {error.message}
          {error.requestId ? ` (request ${error.requestId})` : ''}
        </p>
      ) : null}
      {answer && !idle ? (
        <>
          <p className="notice">{answer.notice}</p>
          {answer.redFlags.length > 0 ? (
            <div className="red-flags" role="alert">
              {answer.redFlags.map((flag) => (
                <p key={flag.ruleId}>
                  <strong>Red flag:</strong> {flag.advice}{' '}
                  <span className="muted small">({flag.sources.join(', ')})</span>
                </p>
              ))}
            </div>
          ) : null}

          <h3>Differential</h3>
          <ol className="suggestions" data-testid="differential">
            {answer.differential.items.map((item) => (
              <DifferentialItem
                key={item.conditionId}
                item={item}
                feedback={feedback('condition', item.conditionId, item.display)}
              />
            ))}
          </ol>
          <p className="muted small">
            Something not listed: {Math.round(answer.differential.otherProbability * 100)}% ·{' '}
            {answer.differential.method === 'guidelines'
              ? 'guideline engine'
              : 'model and guidelines'}{' '}
            · KB {answer.provenance.kbVersion}
            {answer.provenance.modelVersion ? ` · model ${answer.provenance.modelVersion}` : ''}
          </p>

          {answer.nextQuestions.length > 0 ? (
            <>
              <h3>Ask next</h3>
              <ul className="questions" data-testid="next-questions">
                {answer.nextQuestions.map((q) => (
                  <li key={q.findingId}>
                    <span title={q.reason}>{q.display}?</span>
                    <span
                      className="question-actions"
                      role="group"
                      aria-label={`Answer: ${q.display}`}
                    >
                      <button
                        type="button"
                        onClick={() => {
                          onAnswer({ id: q.findingId, display: q.display }, 'present');
                        }}
                      >
                        Yes
                      </button>
                      <button
                        type="button"
                        onClick={() => {
                          onAnswer({ id: q.findingId, display: q.display }, 'absent');
                        }}
                      >
                        No
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h3>Recommended tests</h3>
          {answer.recommendedTests.items.length === 0 ? (
            <p className="muted">No guideline recommends a test for this presentation.</p>
          ) : (
            <ul className="suggestions tests" data-testid="recommended-tests">
              {answer.recommendedTests.items.map((test) => (
                <li key={test.testId} className={`suggestion ${test.status}`}>
                  <div className="suggestion-head">
                    <span className="suggestion-label">{test.display}</span>
                    <span className="muted small">
                      {test.status === 'suppressed'
                        ? `done ${test.lastDone ?? 'recently'}`
                        : test.kind}
                    </span>
                  </div>
                  <details>
                    <summary>Why and sources</summary>
                    <ul className="small">
                      {test.because.map((b) => (
                        <li key={b.ruleId}>
                          {b.rationale} ({b.strength}, {b.year}; {b.sources.join(', ')})
                        </li>
                      ))}
                    </ul>
                  </details>
                  {test.status === 'recommended'
                    ? feedback('test', test.testId, test.display)
                    : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
