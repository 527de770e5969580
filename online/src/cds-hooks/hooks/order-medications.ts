/**
 * `order-select` and `order-sign`: the draft MedicationRequests (RxNorm) checked against the active
 * medications and each other. order-select reports pairs that involve a newly selected draft;
 * order-sign every pair among the drafts about to be signed. Active medications that could not be
 * read leave the check to the drafts alone, and a notice says so.
 */
import {
  OrderSelectContextSchema,
  OrderSignContextSchema,
  type OrderSignContext,
} from '@mediassist/shared/api';
import type { InteractionChecker } from '@mediassist/shared/interactions';
import type { CardDraft } from '../card-draft.js';
import type { InteractionCards } from '../cards/interaction-cards.js';
import type { NoticeCards } from '../cards/notice-cards.js';
import { readDraftOrders } from '../draft-orders.js';
import type { PatientRecordReader, RecordKb } from '../patient-record.js';
import { parseContext, type HookHandler } from './hook-handler.js';

export interface OrderMedicationsDeps {
  kb: Pick<RecordKb, 'drugByRxcui'>;
  reader: PatientRecordReader;
  checker: InteractionChecker;
  interactionCards: InteractionCards;
  notices: NoticeCards;
  /** `select`: only pairs with a draft in `context.selections`; `sign`: every draft. */
  mode: 'select' | 'sign';
}

export function createOrderMedicationsHandler(deps: OrderMedicationsDeps): HookHandler {
  const { kb, reader, checker, notices, mode } = deps;
  return ({ request, prefetch, subject }) => {
    const context: OrderSignContext & { selections?: string[] } =
      mode === 'select'
        ? parseContext(OrderSelectContextSchema, request.context)
        : parseContext(OrderSignContextSchema, request.context);
    const drafts = readDraftOrders({
      bundle: context.draftOrders,
      selections: context.selections,
      kb,
    });
    if (!drafts.medications.some((d) => d.selected) && drafts.unnamed === 0) {
      return Promise.resolve({ cards: [], modelVersion: null });
    }
    const { values, gaps } = prefetch;
    const active = values.has('medications')
      ? reader.activeMedications(values.get('medications'))
      : { refs: [], unnamed: 0 };
    const { conditions } = reader.conditions(values.get('conditions'));
    const checked = checker.check({
      proposed: drafts.medications.map((d) => d.ref),
      active: active.refs,
    });
    const cards: CardDraft[] = deps.interactionCards({
      warnings: checked.warnings,
      drafts: drafts.medications,
      activeRefs: active.refs,
      conditions,
      subject,
    });
    const relevant = checked.unresolved.filter(
      (u) => u.role === 'active' || drafts.medications.some((d) => d.selected && d.ref === u.input),
    );
    cards.push(...notices.unresolved(relevant, drafts.unnamed + active.unnamed));
    cards.push(
      ...notices.unread(
        gaps.filter((gap) => gap.key === 'medications'),
        'Interactions were checked among the draft orders only, not against the active medications.',
      ),
    );
    return Promise.resolve({ cards, modelVersion: null });
  };
}
