/**
 * `rollout status | canary --version v --share 0.1 | promote [--version v] [--force] | rollback`:
 * blue/green and canary for diagnosis models, one command each (see rollout/run-rollout.ts).
 * `--metrics-urls` (or ONLINE_METRICS_URLS) lists the replicas' /metrics for the comparison.
 */
import path from 'node:path';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import { z } from 'zod';
import { openDuckDbSession } from '../lake/duckdb-session.js';
import { readFeedbackByVersion } from '../rollout/feedback-acceptance.js';
import { ROLLOUT_ACTIONS, runRollout } from '../rollout/run-rollout.js';
import { scrapeReplicas } from '../rollout/scrape-metrics.js';
import { defineJob } from './job.js';
import { flag, versionArg } from './model-args.js';

export const RolloutArgsSchema = z.object({
  _: z.enum(ROLLOUT_ACTIONS, { error: `the action: one of ${ROLLOUT_ACTIONS.join(', ')}` }),
  version: versionArg,
  share: z.coerce.number().gt(0).lt(1).optional(),
  force: flag.default(false),
  metricsUrls: z.string().optional(),
  /** The lake (default: $MEDIASSIST_HOME/lake), for the feedback table. */
  lake: z.string().min(1).optional(),
});

export function metricsUrls(flagValue: string | undefined, envValue: string | undefined): string[] {
  return (flagValue ?? envValue ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

export const rolloutJob = defineJob({
  name: 'rollout',
  description:
    'Model rollout: status | canary --version v --share 0.1 | promote [--force] | rollback (canary vs production by model version)',
  args: RolloutArgsSchema,
  async run(ctx, args) {
    const home = ctx.env.MEDIASSIST_HOME;
    const lakeDir = args.lake === undefined ? path.join(home, 'lake') : path.resolve(args.lake);
    const urls = metricsUrls(args.metricsUrls, ctx.env.ONLINE_METRICS_URLS);
    return runRollout(
      {
        registry: createFileModelRegistry({ root: path.join(home, 'registry') }),
        readFeedback: async (since) => {
          const session = await openDuckDbSession({
            tempDirectory: path.join(home, 'work'),
            threads: 1,
          });
          try {
            await session.connection.run(`SET TimeZone = 'UTC'`);
            return await readFeedbackByVersion({ connection: session.connection, lakeDir, since });
          } finally {
            session.close();
          }
        },
        scrape: () => scrapeReplicas({ urls, apiKey: ctx.env.ONLINE_METRICS_API_KEY }),
        logger: ctx.logger,
      },
      {
        action: args._,
        version: args.version,
        share: args.share,
        force: args.force,
      },
    );
  },
});
