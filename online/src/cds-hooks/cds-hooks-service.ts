/**
 * `createCdsHooksService(deps)`: discovery, and one CDS Hooks call = name the patient (a pseudonym,
 * for the audit) → read the data (prefetch, else the FHIR server) → the hook's handler → issue the
 * cards (uuids) and remember them for feedback. Remembering is best-effort under a short deadline:
 * if Redis fails, the cards are still returned (feedback on them will be reported as unknown).
 */
import { randomUUID } from 'node:crypto';
import {
  FhirIdSchema,
  type CdsCard,
  type CdsDiscoveryResponse,
  type CdsHookRequest,
  type CdsServiceResponse,
} from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import type { EncounterId, PatientId } from '@mediassist/shared/ids';
import type { Logger } from '@mediassist/shared/logger';
import {
  pseudonymizeEncounterId,
  pseudonymizePatientId,
  type PseudonymKey,
} from '@mediassist/shared/pseudonym';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { safeErrorFields } from '../errors/safe-error.js';
import { withTimeout } from '../health/with-timeout.js';
import type { CardDraft } from './card-draft.js';
import type { CardRecord, CardRegistry } from './card-registry.js';
import type { FhirFetcher } from './fhir-fetcher.js';
import { parseContext, type HookHandler } from './hooks/hook-handler.js';
import { resolvePrefetch } from './prefetch-resolver.js';
import {
  CDS_SERVICES,
  describeService,
  serviceById,
  type CdsServiceDefinition,
  type CdsServiceId,
} from './service-catalog.js';
import type { SubjectRefs } from './suggested-resources.js';

export interface CdsHooksServiceDeps {
  handlers: Readonly<Record<CdsServiceId, HookHandler>>;
  fetcher: FhirFetcher;
  registry: CardRegistry;
  pseudonymKey: PseudonymKey;
  logger: Logger;
  clock: Clock;
  /** Deadline for all FHIR reads of one call. */
  fhirTimeoutMs: number;
  /** Deadline for remembering the issued cards (default 100 ms). */
  registryTimeoutMs?: number;
  newId?: () => string;
}

/** A validated call: which service, and whose chart (pseudonyms for the audit and the registry). */
export interface HookTarget {
  service: CdsServiceDefinition;
  patientId: PatientId;
  encounterId: EncounterId;
  subject: SubjectRefs;
}

export interface CdsHooksService {
  discovery(): CdsDiscoveryResponse;
  /** NOT_FOUND for an unknown service, VALIDATION_FAILED for another hook or no patient id. */
  target(options: { serviceId: string; request: CdsHookRequest }): HookTarget;
  answer(options: { target: HookTarget; request: CdsHookRequest }): Promise<CdsServiceResponse>;
}

const BaseContextSchema = z.looseObject({
  patientId: FhirIdSchema,
  encounterId: FhirIdSchema.optional(),
});

export function createCdsHooksService(deps: CdsHooksServiceDeps): CdsHooksService {
  const { handlers, fetcher, registry, pseudonymKey, logger, clock, fhirTimeoutMs } = deps;
  const registryTimeoutMs = deps.registryTimeoutMs ?? 100;
  const newId = deps.newId ?? randomUUID;
  const discovery: CdsDiscoveryResponse = { services: CDS_SERVICES.map(describeService) };

  const issue = (
    drafts: readonly CardDraft[],
    record: Omit<CardRecord, 'card' | 'refs' | 'suggestions'>,
  ) => {
    const records: CardRecord[] = [];
    const cards = drafts.map((draft): CdsCard => {
      const uuid = newId();
      const suggestions: CardRecord['suggestions'] = {};
      const issued = draft.suggestions?.map(({ suggestion, refs }) => {
        const id = newId();
        suggestions[id] = refs;
        return { ...suggestion, uuid: id };
      });
      if (draft.refs.length > 0 || Object.keys(suggestions).length > 0) {
        records.push({ ...record, card: uuid, refs: draft.refs, suggestions });
      }
      return { uuid, ...draft.card, ...(issued ? { suggestions: issued } : {}) };
    });
    return { cards, records };
  };

  return {
    discovery: () => discovery,

    target({ serviceId, request }) {
      const service = serviceById(serviceId);
      if (!service) {
        throw new AppError('NOT_FOUND', 'No such CDS service');
      }
      if (request.hook !== service.hook) {
        throw new AppError('VALIDATION_FAILED', `This service answers the ${service.hook} hook`, {
          details: [{ path: 'json.hook', issue: 'hook_mismatch' }],
        });
      }
      const context = parseContext(BaseContextSchema, request.context);
      return {
        service,
        patientId: pseudonymizePatientId(context.patientId, pseudonymKey),
        // Without an encounter, the hook instance stands for the visit the feedback belongs to.
        encounterId: pseudonymizeEncounterId(
          context.encounterId ?? `cds-hooks:${request.hookInstance}`,
          pseudonymKey,
        ),
        subject: { patientFhirId: context.patientId, encounterFhirId: context.encounterId },
      };
    },

    async answer({ target, request }) {
      const { service, patientId, encounterId, subject } = target;
      const prefetch = await resolvePrefetch({
        keys: service.prefetch,
        request,
        fetcher,
        timeoutMs: fhirTimeoutMs,
      });
      const output = await handlers[service.id]({
        request,
        prefetch,
        patientId,
        subject,
        now: new Date(clock.now()),
      });
      const { cards, records } = issue(output.cards, {
        service: service.id,
        patientId,
        encounterId,
        modelVersion: output.modelVersion,
      });
      if (records.length > 0) {
        try {
          await withTimeout(registry.remember(records), registryTimeoutMs);
        } catch (error) {
          logger.warn(
            { service: service.id, cards: records.length, error: safeErrorFields(error) },
            'cds-hooks: issued cards not remembered; feedback on them will be unknown',
          );
        }
      }
      if (prefetch.gaps.length > 0 || prefetch.fetched.length > 0) {
        logger.info(
          {
            service: service.id,
            fetched: prefetch.fetched,
            unread: prefetch.gaps.map((gap) => `${gap.key}:${gap.reason}`),
          },
          'cds-hooks: data read from the FHIR server or missing',
        );
      }
      return { cards };
    },
  };
}
