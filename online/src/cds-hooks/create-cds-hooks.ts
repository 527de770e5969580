/**
 * Wires the CDS Hooks services from the knowledge base and the online service's parts: the record
 * readers, the interaction checker, the card builders and one handler per service, plus feedback.
 * Built once per app (the checker and the readers index the knowledge base once).
 */
import { createEventNormalizer, type EventIntake } from '@mediassist/shared/events';
import { createInteractionChecker } from '@mediassist/shared/interactions';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import type { AssistService } from '../assist/assist-service.js';
import type { Clock } from '../clock.js';
import { createAlternativeFinder } from './alternatives.js';
import type { CardRegistry } from './card-registry.js';
import { createCardSources } from './card-source.js';
import { createCareGapCards } from './cards/care-gap-cards.js';
import { createChronicCareCards } from './cards/chronic-care-cards.js';
import { createDifferentialCards } from './cards/differential-cards.js';
import { createInteractionCards } from './cards/interaction-cards.js';
import { createMedicationAlertCards } from './cards/medication-alert-cards.js';
import { createNoticeCards } from './cards/notice-cards.js';
import { createCdsFeedback, type CdsFeedback } from './cds-feedback.js';
import { createCdsHooksService, type CdsHooksService } from './cds-hooks-service.js';
import { createEncounterFindingsReader } from './encounter-findings.js';
import type { FhirFetcher } from './fhir-fetcher.js';
import { createEncounterStartHandler } from './hooks/encounter-start.js';
import { createOrderMedicationsHandler } from './hooks/order-medications.js';
import { createPatientViewHandler } from './hooks/patient-view.js';
import { createPatientRecordReader } from './patient-record.js';

export interface CreateCdsHooksOptions {
  kb: KnowledgeBase;
  /** Answers encounter-start (model + guidelines, or guidelines alone). */
  assist: AssistService;
  fetcher: FhirFetcher;
  registry: CardRegistry;
  pseudonymKey: PseudonymKey;
  /** The nearline intake for feedback; absent → feedback answers 503. */
  intake: EventIntake | undefined;
  logger: Logger;
  clock: Clock;
  fhirTimeoutMs: number;
  newId?: () => string;
}

export interface CdsHooks {
  service: CdsHooksService;
  feedback: CdsFeedback;
}

export function createCdsHooks(options: CreateCdsHooksOptions): CdsHooks {
  const { kb, clock } = options;
  const checker = createInteractionChecker(kb);
  const sources = createCardSources({ kb });
  const reader = createPatientRecordReader({ kb });
  const notices = createNoticeCards({ kb });
  const interactionCards = createInteractionCards({
    kb,
    sources,
    alternatives: createAlternativeFinder({ kb, checker }),
  });
  const orders = (mode: 'select' | 'sign') =>
    createOrderMedicationsHandler({ kb, reader, checker, interactionCards, notices, mode });
  const service = createCdsHooksService({
    handlers: {
      'mediassist-patient-view': createPatientViewHandler({
        kb,
        reader,
        checker,
        medicationAlerts: createMedicationAlertCards({ kb, sources }),
        chronicCare: createChronicCareCards({ kb, sources }),
        careGapCards: createCareGapCards({ kb, sources }),
        notices,
      }),
      'mediassist-order-select': orders('select'),
      'mediassist-order-sign': orders('sign'),
      'mediassist-encounter-start': createEncounterStartHandler({
        assist: options.assist,
        reader,
        findings: createEncounterFindingsReader({ kb }),
        differentialCards: createDifferentialCards({ kb, sources }),
        notices,
      }),
    },
    fetcher: options.fetcher,
    registry: options.registry,
    pseudonymKey: options.pseudonymKey,
    logger: options.logger,
    clock,
    fhirTimeoutMs: options.fhirTimeoutMs,
    ...(options.newId ? { newId: options.newId } : {}),
  });
  const feedback = createCdsFeedback({
    registry: options.registry,
    intake: options.intake,
    normalizer: createEventNormalizer({
      kb,
      pseudonymKey: options.pseudonymKey,
      clock: () => new Date(clock.now()),
    }),
  });
  return { service, feedback };
}
