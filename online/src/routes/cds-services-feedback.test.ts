import type { CdsFeedbackResponse, CdsServiceResponse, ErrorBody } from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import type { CodedFeedbackEvent } from '@mediassist/shared/events';
import { pseudonymizeEncounterId, pseudonymizePatientId } from '@mediassist/shared/pseudonym';
import { describe, expect, it } from 'vitest';
import { OVERRIDE_REASON_SYSTEM } from '../cds-hooks/override-reasons.js';
import {
  callService,
  createCdsTestApp,
  recordingIntake,
  TEST_PSEUDONYM_KEY,
} from '../cds-hooks/testing/cds-test-app.js';
import {
  DRUGS,
  orderRequest,
  SPEC_ENCOUNTER_ID,
  SPEC_PATIENT_ID,
} from '../cds-hooks/testing/fhir-fixture.js';

const SERVICE = 'mediassist-order-select';
const AT = '2026-11-22T09:59:00Z';

async function issuedCard() {
  const intake = recordingIntake();
  const t = await createCdsTestApp({ intake });
  const body = orderRequest({
    hook: 'order-select',
    drafts: [DRUGS.ibuprofen],
    active: [DRUGS.warfarin],
  });
  const res = await callService(t, { id: SERVICE, body });
  const card = ((await res.json()) as CdsServiceResponse).cards[0];
  if (!card?.uuid || !card.suggestions?.[0]?.uuid) {
    throw new Error('expected a card with suggestions');
  }
  return { t, intake, card: card.uuid, suggestion: card.suggestions[0].uuid };
}

function sendFeedback(
  t: Awaited<ReturnType<typeof issuedCard>>['t'],
  body: unknown,
  service = SERVICE,
) {
  return callService(t, { id: service, path: `/cds-services/${service}/feedback`, body });
}

describe('POST /cds-services/{id}/feedback', () => {
  it('turns an accepted suggestion into an accepted feedback event for the nearline tier', async () => {
    const { t, intake, card, suggestion } = await issuedCard();
    const res = await sendFeedback(t, {
      feedback: [
        {
          card,
          outcome: 'accepted',
          acceptedSuggestions: [{ id: suggestion }],
          outcomeTimestamp: AT,
        },
      ],
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as CdsFeedbackResponse).toEqual({ recorded: 1, unknownCards: [] });
    expect(intake.events).toEqual([
      expect.objectContaining({
        kind: 'feedback',
        patientId: pseudonymizePatientId(SPEC_PATIENT_ID, TEST_PSEUDONYM_KEY),
        encounterId: pseudonymizeEncounterId(SPEC_ENCOUNTER_ID, TEST_PSEUDONYM_KEY),
        occurredAt: '2026-11-22T09:59:00.000Z',
        modelVersion: null,
        feedback: {
          action: 'accepted',
          suggestion: { kind: 'interaction', id: 'anticoagulant-nsaid' },
        },
      }),
    ]);
    expect(t.audit.records.at(-1)).toMatchObject({
      endpoint: 'POST /cds-services/:id/feedback',
      patient: pseudonymizePatientId(SPEC_PATIENT_ID, TEST_PSEUDONYM_KEY),
    });
  });

  it('turns an override into a dismissed event with the coded reason, and drops the free-text comment', async () => {
    const { t, intake, card } = await issuedCard();
    const comment = 'Patient Wade Watts insists on ibuprofen';
    await sendFeedback(t, {
      feedback: [
        {
          card,
          outcome: 'overridden',
          overrideReason: {
            reason: {
              system: OVERRIDE_REASON_SYSTEM,
              code: 'already-considered',
              display: 'Aware',
            },
            userComment: comment,
          },
          outcomeTimestamp: AT,
        },
      ],
    });
    const event = intake.events[0] as CodedFeedbackEvent;
    expect(event.feedback).toEqual({
      action: 'dismissed',
      suggestion: { kind: 'interaction', id: 'anticoagulant-nsaid' },
      reason: 'already-considered',
    });
    expect(JSON.stringify(intake.events)).not.toContain('Watts');
    expect(t.logText()).not.toContain('Watts');
  });

  it('records an EHR’s own override reason, or none, as `other`', async () => {
    const { t, intake, card } = await issuedCard();
    await sendFeedback(t, {
      feedback: [
        {
          card,
          outcome: 'overridden',
          overrideReason: {
            reason: { system: 'https://ehr.example/reasons', code: 'already-considered' },
          },
          outcomeTimestamp: AT,
        },
        { card, outcome: 'overridden', outcomeTimestamp: '2026-11-22T09:59:30Z' },
      ],
    });
    expect(
      intake.events.map(
        (e) => e.kind === 'feedback' && e.feedback.action === 'dismissed' && e.feedback.reason,
      ),
    ).toEqual(['other', 'other']);
  });

  it('is idempotent: the same feedback re-sent becomes the same event id', async () => {
    const { t, intake, card } = await issuedCard();
    const body = { feedback: [{ card, outcome: 'overridden', outcomeTimestamp: AT }] };
    await sendFeedback(t, body);
    await sendFeedback(t, body);
    expect(intake.events).toHaveLength(2);
    expect(intake.events[0]?.eventId).toBe(intake.events[1]?.eventId);
  });

  it('lists cards it did not issue (or another service issued) without failing', async () => {
    const { t, intake, card } = await issuedCard();
    const unknown = '9368d37b-283f-44a0-93ea-547cebab93ed';
    const res = await sendFeedback(t, {
      feedback: [{ card: unknown, outcome: 'overridden', outcomeTimestamp: AT }],
    });
    expect((await res.json()) as CdsFeedbackResponse).toEqual({
      recorded: 0,
      unknownCards: [unknown],
    });
    const other = await sendFeedback(
      t,
      { feedback: [{ card, outcome: 'overridden', outcomeTimestamp: AT }] },
      'mediassist-order-sign',
    );
    expect(((await other.json()) as CdsFeedbackResponse).unknownCards).toEqual([card]);
    expect(intake.events).toEqual([]);
  });

  it('refuses an outcome time in the future (400, naming the path)', async () => {
    const { t, card } = await issuedCard();
    const res = await sendFeedback(t, {
      feedback: [{ card, outcome: 'overridden', outcomeTimestamp: '2027-01-01T00:00:00Z' }],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details).toEqual([
      { path: 'json.feedback.0.occurredAt', issue: 'future_instant' },
    ]);
  });

  it('answers 503 when the nearline queue is unavailable, so the EHR retries', async () => {
    const down = {
      submit: () =>
        Promise.reject(new AppError('DEPENDENCY_UNAVAILABLE', 'Event queue unavailable')),
    };
    const t = await createCdsTestApp({ intake: down });
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen],
      active: [DRUGS.warfarin],
    });
    const card = (
      (await (await callService(t, { id: SERVICE, body })).json()) as CdsServiceResponse
    ).cards[0]?.uuid;
    const res = await sendFeedback(t, {
      feedback: [{ card, outcome: 'overridden', outcomeTimestamp: AT }],
    });
    expect(res.status).toBe(503);
  });
});
