/**
 * What the doctor must know about the answer before reading it: guidelines alone answered (and why),
 * or the stored record is stale or unreadable. Shown above the suggestions, announced politely.
 */
import type { AssistResponse, PatientSummaryResponse } from '@mediassist/shared/api';
import { fallbackReasonText, listText, viewLabel } from '../format/format.js';

export interface StatusBannerProps {
  patient: PatientSummaryResponse;
  answer: AssistResponse | null;
}

export interface BannerMessage {
  kind: 'guidelines-only' | 'stale' | 'unavailable';
  text: string;
}

export function bannerMessages(props: StatusBannerProps): BannerMessage[] {
  const { patient, answer } = props;
  const messages: BannerMessage[] = [];
  if (answer?.provenance.tier === 'guidelines-only') {
    messages.push({
      kind: 'guidelines-only',
      text: `Guidelines only: ${fallbackReasonText(answer.provenance.fallbackReason)}, so suggestions come from the knowledge base’s guideline rules alone.`,
    });
  }
  const record = answer
    ? Object.entries(answer.provenance.features.views)
    : patient.freshness.views.map((v) => [v.view, { status: v.status }] as const);
  const stale = record.filter(([, v]) => v.status === 'stale').map(([name]) => viewLabel(name));
  const unreadable =
    answer?.provenance.features.read === 'unavailable' || patient.freshness.read === 'unavailable';
  if (unreadable) {
    messages.push({
      kind: 'unavailable',
      text: 'The patient’s stored record could not be read: history, medications and care gaps may be missing from the suggestions.',
    });
  } else if (stale.length > 0) {
    messages.push({
      kind: 'stale',
      text: `Stale record: ${listText(stale)} ${stale.length === 1 ? 'is' : 'are'} older than expected. Check with the patient.`,
    });
  }
  return messages;
}

export function StatusBanner(props: StatusBannerProps) {
  const messages = bannerMessages(props);
  return (
    <div className="banners" role="status" aria-live="polite" data-testid="status-banner">
      {messages.map((m) => (
        <p key={m.kind} className={`banner ${m.kind}`} data-kind={m.kind}>
          {m.text}
        </p>
      ))}
    </div>
  );
}
