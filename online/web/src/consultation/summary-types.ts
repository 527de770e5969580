/** The structured note as the web app receives it from `POST /api/v1/summarize` (format `summary`). */
import type { SummarizeSummaryResponseSchema } from '@mediassist/shared/api';
import type { z } from 'zod';

export type ClinicalSummary = z.output<typeof SummarizeSummaryResponseSchema>;
