/** What each hook's handler receives and returns: the call, its data by prefetch key, and card drafts. */
import type { CdsHookRequest } from '@mediassist/shared/api';
import { AppError, detailsFromZod } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';
import type { z } from 'zod';
import type { CardDraft } from '../card-draft.js';
import type { ResolvedPrefetch } from '../prefetch-resolver.js';
import type { SubjectRefs } from '../suggested-resources.js';

export interface HookInput {
  request: CdsHookRequest;
  prefetch: ResolvedPrefetch;
  patientId: PatientId;
  subject: SubjectRefs;
  now: Date;
}

export interface HookOutput {
  cards: CardDraft[];
  /** The registry version behind the cards (encounter-start with a model), else null. */
  modelVersion: string | null;
}

export type HookHandler = (input: HookInput) => Promise<HookOutput>;

/** The hook's context, or VALIDATION_FAILED naming paths under `json.context` (never values). */
export function parseContext<T>(schema: z.ZodType<T>, context: unknown): T {
  const parsed = schema.safeParse(context);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'The hook context failed validation', {
      details: detailsFromZod(parsed.error).map((d) => ({
        ...d,
        path: d.path === '(root)' ? 'json.context' : `json.context.${d.path}`,
      })),
    });
  }
  return parsed.data;
}
