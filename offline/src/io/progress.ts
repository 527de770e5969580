/** Progress for long jobs: a bar with ETA on a terminal, a log line every few seconds otherwise. */
import { SingleBar, Presets } from 'cli-progress';
import type { Logger } from '@mediassist/shared/logger';

export interface Progress {
  increment(by?: number): void;
  /** Replaces the total when it becomes known. */
  setTotal(total: number): void;
  stop(): void;
}

export type ProgressFactory = (options: {
  label: string;
  total: number;
  unit?: string;
}) => Progress;

export function createProgressFactory(options: {
  logger: Logger;
  interactive: boolean;
}): ProgressFactory {
  const { logger, interactive } = options;
  return ({ label, total, unit = 'items' }) => {
    if (interactive) {
      const bar = new SingleBar(
        {
          format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
          stream: process.stderr,
        },
        Presets.shades_classic,
      );
      bar.start(total, 0);
      return {
        increment: (by = 1) => {
          bar.increment(by);
        },
        setTotal: (t) => {
          bar.setTotal(t);
        },
        stop: () => {
          bar.stop();
        },
      };
    }
    let done = 0;
    let current = total;
    let lastLog = Date.now();
    const started = Date.now();
    return {
      increment(by = 1) {
        done += by;
        if (Date.now() - lastLog >= 5_000) {
          lastLog = Date.now();
          const rate = done / ((Date.now() - started) / 1000);
          const eta = rate > 0 ? Math.round((current - done) / rate) : null;
          logger.info({ job: label, done, total: current, unit, etaSeconds: eta }, 'progress');
        }
      },
      setTotal(t) {
        current = t;
      },
      stop() {
        logger.info(
          { job: label, done, total: current, unit, seconds: (Date.now() - started) / 1000 },
          'done',
        );
      },
    };
  };
}
