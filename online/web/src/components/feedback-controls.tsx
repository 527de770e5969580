/**
 * Accept or dismiss one suggestion (dismissing asks for a reason from a closed list), then show that
 * the service recorded it. Feedback goes to the nearline tier as a coded event, never as free text.
 */
import { useId, useState } from 'react';
import type { FeedbackEntry } from '../consultation/consultation-state.js';
import { DISMISS_REASON_LABELS, type DismissReason } from '../consultation/feedback-event.js';

export interface FeedbackControlsProps {
  /** What the suggestion is, for screen-reader labels ("Accept Community-acquired pneumonia"). */
  subject: string;
  entry: FeedbackEntry | undefined;
  onSubmit: (
    choice: { action: 'accepted' } | { action: 'dismissed'; reason: DismissReason },
  ) => void;
}

const REASONS = Object.entries(DISMISS_REASON_LABELS) as [DismissReason, string][];

function recordedText(entry: FeedbackEntry): string {
  const what =
    entry.action === 'accepted'
      ? 'Accepted'
      : `Dismissed (${DISMISS_REASON_LABELS[(entry.reason ?? 'other') as DismissReason].toLowerCase()})`;
  switch (entry.state) {
    case 'sending':
      return `${what}: sending…`;
    case 'recorded':
      return `${what}: feedback recorded`;
    case 'failed':
      return `${what}: not recorded (${entry.error ?? 'error'})`;
    default:
      entry.state satisfies never;
      return what;
  }
}

export function FeedbackControls({ subject, entry, onSubmit }: FeedbackControlsProps) {
  const id = useId();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState<DismissReason>('not-clinically-relevant');

  if (entry && entry.state !== 'failed') {
    return (
      <p className={`feedback-status ${entry.state}`} role="status" data-testid="feedback-status">
        {entry.state === 'recorded' ? '✓ ' : ''}
        {recordedText(entry)}
      </p>
    );
  }
  return (
    <div className="feedback" role="group" aria-label={`Feedback on ${subject}`}>
      {entry?.state === 'failed' ? (
        <p className="error" role="alert">
          {recordedText(entry)}
        </p>
      ) : null}
      {dismissing ? (
        <>
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select
            id={`${id}-reason`}
            autoFocus
            value={reason}
            onChange={(event) => {
              setReason(event.target.value as DismissReason);
            }}
          >
            {REASONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              onSubmit({ action: 'dismissed', reason });
              setDismissing(false);
            }}
          >
            Confirm dismiss
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              setDismissing(false);
            }}
          >
            Cancel
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            aria-label={`Accept ${subject}`}
            onClick={() => {
              onSubmit({ action: 'accepted' });
            }}
          >
            Accept
          </button>
          <button
            type="button"
            aria-label={`Dismiss ${subject}`}
            onClick={() => {
              setDismissing(true);
            }}
          >
            Dismiss…
          </button>
        </>
      )}
    </div>
  );
}
