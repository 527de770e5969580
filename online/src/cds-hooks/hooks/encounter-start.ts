/**
 * `encounter-start`: the encounter's reason codes, recorded findings and vital signs → the assist
 * service (model + guidelines, or guidelines alone) → differential suggestions, red flags and tests
 * to consider. No coded presentation, no differential: then only notices (if any) are returned.
 */
import { EncounterStartContextSchema, type AssistRequest } from '@mediassist/shared/api';
import type { AssistService } from '../../assist/assist-service.js';
import type { CardDraft } from '../card-draft.js';
import type { createDifferentialCards } from '../cards/differential-cards.js';
import type { NoticeCards } from '../cards/notice-cards.js';
import type { EncounterFindingsReader } from '../encounter-findings.js';
import type { PatientRecordReader } from '../patient-record.js';
import { parseContext, type HookHandler } from './hook-handler.js';

/** Differential items asked of the assist service (can't-miss and red-flag items come on top). */
const DIFFERENTIAL_LIMIT = 5;

export interface EncounterStartDeps {
  assist: AssistService;
  reader: PatientRecordReader;
  findings: EncounterFindingsReader;
  differentialCards: ReturnType<typeof createDifferentialCards>;
  notices: NoticeCards;
}

export function createEncounterStartHandler(deps: EncounterStartDeps): HookHandler {
  const { assist, reader, notices } = deps;
  return async ({ request, prefetch, patientId, subject, now }) => {
    parseContext(EncounterStartContextSchema, request.context);
    const { values, gaps } = prefetch;
    const { age, sex } = reader.demographics(values.get('patient'), now);
    const findings = deps.findings({
      encounter: values.get('encounter'),
      observations: values.get('encounterObservations'),
    });
    const unread = notices.unread(
      gaps,
      'The differential and tests use only the encounter data that could be read.',
    );
    if (findings.present.length === 0 && findings.vitals.length === 0) {
      return { cards: unread, modelVersion: null };
    }
    const assistRequest: AssistRequest = {
      patient: { pseudonym: patientId },
      findings: { present: findings.present, absent: findings.absent },
      vitals: findings.vitals,
      ...(age === null ? {} : { age }),
      ...(sex === null ? {} : { sex }),
      medications: { active: [], proposed: [] },
      limit: DIFFERENTIAL_LIMIT,
    };
    const answer = await assist.assist({ request: assistRequest, patientId });
    const cards: CardDraft[] = [...deps.differentialCards({ answer, subject }), ...unread];
    return { cards, modelVersion: answer.provenance.modelVersion };
  };
}
