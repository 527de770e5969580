/**
 * `rollout status | canary | promote | rollback`: blue/green and canary for diagnosis models over
 * the registry's pointers (every online replica watches them and hot-swaps; canary routing is by
 * patient hash, so replicas agree without coordination).
 *
 * - status: production, canary, recent history, and the canary compared with production (served
 *   answers, fallback rate and p95 latency from the replicas' /metrics; acceptance from the lake).
 * - canary: starts (or re-shares) a canary of a published version.
 * - promote: makes the canary (or `version`) production and ends the canary — refused while the
 *   comparison says `worse` or `insufficient-data`, unless forced.
 * - rollback: ends a running canary; without one, returns production to its previous version.
 */
import type { ModelRegistry } from '@mediassist/feature-store/model-registry';
import { AppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import {
  judgeCanary,
  summarizeArm,
  type ArmSummary,
  type CanaryVerdict,
  type VerdictThresholds,
  type VersionFeedback,
} from './canary-verdict.js';
import type { ScrapeResult } from './scrape-metrics.js';
import { servingByVersion } from './serving-stats.js';

export const ROLLOUT_ACTIONS = ['status', 'canary', 'promote', 'rollback'] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];

export interface RolloutDeps {
  registry: ModelRegistry;
  /** Feedback per model version since a time (the lake's feedback table). */
  readFeedback: (since: Date) => Promise<ReadonlyMap<string, VersionFeedback>>;
  /** The online replicas' metrics. */
  scrape: () => Promise<ScrapeResult>;
  logger: Logger;
}

export interface RolloutOptions {
  action: RolloutAction;
  version?: string | undefined;
  share?: number | undefined;
  /** Promote despite a `worse` or `insufficient-data` comparison. */
  force?: boolean;
  thresholds?: VerdictThresholds;
}

export interface Comparison {
  readonly since: string | null;
  readonly production: ArmSummary | null;
  readonly canary: ArmSummary | null;
  readonly verdict: CanaryVerdict;
  readonly replicas: { readonly scraped: number; readonly failed: readonly string[] };
}

export async function compareCanary(
  deps: RolloutDeps,
  thresholds?: VerdictThresholds,
): Promise<Comparison> {
  const [production, canary] = await Promise.all([
    deps.registry.production(),
    deps.registry.canary(),
  ]);
  if (!production || !canary) {
    return {
      since: null,
      production: null,
      canary: null,
      verdict: { verdict: 'no-canary' },
      replicas: { scraped: 0, failed: [] },
    };
  }
  const since = new Date(canary.startedAt);
  const [feedback, scrape] = await Promise.all([deps.readFeedback(since), deps.scrape()]);
  const serving = servingByVersion(scrape.samples);
  const productionArm = summarizeArm({ version: production.version, serving, feedback });
  const canaryArm = summarizeArm({ version: canary.version, serving, feedback });
  return {
    since: canary.startedAt,
    production: productionArm,
    canary: canaryArm,
    verdict: judgeCanary({
      production: productionArm,
      canary: canaryArm,
      ...(thresholds ? { thresholds } : {}),
    }),
    replicas: {
      scraped: scrape.scraped.length,
      failed: scrape.failed.map((f) => `${f.url} (${f.issue})`),
    },
  };
}

export async function runRollout(
  deps: RolloutDeps,
  options: RolloutOptions,
): Promise<Record<string, unknown>> {
  const { registry, logger } = deps;
  switch (options.action) {
    case 'status': {
      const [production, canary, history, comparison] = await Promise.all([
        registry.production(),
        registry.canary(),
        registry.history(),
        compareCanary(deps, options.thresholds),
      ]);
      return { action: 'status', production, canary, comparison, history: history.slice(-5) };
    }
    case 'canary': {
      const { version, share } = options;
      if (version === undefined || share === undefined) {
        throw new AppError('VALIDATION_FAILED', 'rollout canary needs --version and --share', {
          details: [{ path: version === undefined ? 'version' : 'share', issue: 'required' }],
        });
      }
      const production = await registry.production();
      if (!production) {
        throw new AppError('CONFLICT', 'No production model yet: promote one before a canary');
      }
      if (production.version === version) {
        throw new AppError('CONFLICT', `Version ${version} is already production`);
      }
      const pointer = await registry.startCanary({ version, share });
      logger.info({ version, share }, 'canary started');
      return { action: 'canary', canary: pointer, production: production.version };
    }
    case 'promote': {
      const canary = await registry.canary();
      const version = options.version ?? canary?.version;
      if (version === undefined) {
        throw new AppError(
          'VALIDATION_FAILED',
          'No canary running: name the --version to promote',
          {
            details: [{ path: 'version', issue: 'required' }],
          },
        );
      }
      const isCanary = canary?.version === version;
      const comparison = isCanary ? await compareCanary(deps, options.thresholds) : null;
      const verdict = comparison?.verdict.verdict ?? 'no-canary';
      if ((verdict === 'worse' || verdict === 'insufficient-data') && !options.force) {
        throw new AppError(
          'CONFLICT',
          `Canary ${version} not promoted: ${verdict} (--force to override)`,
          {
            details:
              comparison && 'reasons' in comparison.verdict
                ? comparison.verdict.reasons.map((issue) => ({ path: 'canary', issue }))
                : [],
          },
        );
      }
      const reason = isCanary
        ? `rollout promote: canary ${verdict}${options.force ? ' (forced)' : ''}`
        : `rollout promote${options.force ? ' (forced)' : ''}`;
      const pointer = await registry.promote({ version, reason });
      if (canary) {
        await registry.stopCanary();
      }
      logger.info({ version, verdict }, 'promoted');
      return { action: 'promote', production: pointer, comparison };
    }
    case 'rollback': {
      const canary = await registry.canary();
      if (canary) {
        await registry.stopCanary();
        logger.info({ version: canary.version }, 'canary stopped');
        return { action: 'rollback', stopped: 'canary', version: canary.version };
      }
      const pointer = await registry.rollback({ reason: 'rollout rollback' });
      logger.info({ version: pointer.version, from: pointer.previous }, 'production rolled back');
      return { action: 'rollback', stopped: 'production', production: pointer };
    }
    default:
      return options.action satisfies never;
  }
}
