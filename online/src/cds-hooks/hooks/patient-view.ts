/**
 * `patient-view`: serious interactions among the active medications, guideline monitoring due for
 * active chronic conditions, and open preventive-care gaps — from the Patient, Conditions,
 * Observations, Procedures, Immunizations and active MedicationRequests — plus notices for anything
 * that could not be read.
 */
import { careGaps } from '@mediassist/shared/care';
import type { InteractionChecker } from '@mediassist/shared/interactions';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { CardDraft } from '../card-draft.js';
import type { createCareGapCards } from '../cards/care-gap-cards.js';
import type { createChronicCareCards } from '../cards/chronic-care-cards.js';
import type { createMedicationAlertCards } from '../cards/medication-alert-cards.js';
import type { NoticeCards } from '../cards/notice-cards.js';
import type { PatientRecordReader } from '../patient-record.js';
import type { HookHandler } from './hook-handler.js';

export interface PatientViewDeps {
  kb: Pick<KnowledgeBase, 'preventiveServices' | 'version'>;
  reader: PatientRecordReader;
  checker: InteractionChecker;
  medicationAlerts: ReturnType<typeof createMedicationAlertCards>;
  chronicCare: ReturnType<typeof createChronicCareCards>;
  careGapCards: ReturnType<typeof createCareGapCards>;
  notices: NoticeCards;
}

export function createPatientViewHandler(deps: PatientViewDeps): HookHandler {
  const { kb, reader, checker, notices } = deps;
  return ({ prefetch, subject, now }) => {
    const { values, gaps } = prefetch;
    const cards: CardDraft[] = [];
    const demographics = reader.demographics(values.get('patient'), now);
    const { conditions, historyFindings } = reader.conditions(values.get('conditions'));
    const tests = reader.tests({
      observations: values.get('observations'),
      procedures: values.get('procedures'),
      immunizations: values.get('immunizations'),
    });
    if (values.has('medications')) {
      const medications = reader.activeMedications(values.get('medications'));
      const checked = checker.check({ proposed: medications.refs, active: [] });
      cards.push(...deps.medicationAlerts(checked.warnings));
      cards.push(...notices.unresolved(checked.unresolved, medications.unnamed));
    }
    const testsKnown = values.has('observations') || values.has('procedures');
    if (values.has('conditions') && testsKnown) {
      cards.push(
        ...deps.chronicCare({ conditions, demographics, lastDone: tests.lastDone, now, subject }),
      );
    }
    const { age, sex } = demographics;
    if (age !== null && sex !== null) {
      const open = careGaps({
        kb,
        patient: {
          age,
          sex,
          conditions,
          historyFindings: [...new Set([...historyFindings, ...tests.historyFindings])],
        },
        lastDone: tests.lastDone,
        now,
      }).open;
      const historyKnown = ['observations', 'procedures', 'immunizations'].every((key) =>
        gaps.every((gap) => gap.key !== key),
      );
      cards.push(...deps.careGapCards({ gaps: open, subject, historyKnown }));
    } else if (!gaps.some((gap) => gap.key === 'patient')) {
      cards.push(
        notices.plain(
          'Preventive care not checked: the patient’s age or sex is not recorded',
          'USPSTF and ACIP eligibility depends on age and sex (Patient.birthDate, Patient.gender).',
        ),
      );
    }
    cards.push(
      ...notices.unread(
        gaps,
        'Cards above cover only what could be read: missing medications hide interaction alerts, missing results or procedures can show done services as due.',
      ),
    );
    return Promise.resolve({ cards, modelVersion: null });
  };
}
