/**
 * Holds the serving diagnosis models: loads the registry's production version once at start, then
 * polls the pointers and hot-swaps when production or the canary moves. A version that fails to
 * load never replaces a working one (the last good model keeps serving); it is retried after
 * `retryFailedAfterMs` in case its files were repaired. Replaced models are released after a delay
 * so in-flight requests finish on them. Canary routing is per patient (`canaryServes`).
 */
import type {
  CanaryPointer,
  ModelRegistry,
  ProductionPointer,
} from '@mediassist/feature-store/model-registry';
import { canaryServes } from '@mediassist/feature-store/model-registry';
import { AppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import type { ModelManifest } from '@mediassist/shared/model';
import { readFile } from 'node:fs/promises';
import { safeErrorFields } from '../errors/safe-error.js';
import type { ModelStatus } from '../health/model-status.js';
import type { DiagnosisModel, DiagnosisModelSource, ModelSelection } from './diagnosis-model.js';

export type ModelRole = ModelSelection['role'];

export type RegistryReader = Pick<ModelRegistry, 'production' | 'canary' | 'manifest' | 'layout'>;

export type LoadModel = (options: {
  manifest: ModelManifest;
  bytes: Uint8Array;
}) => Promise<DiagnosisModel>;

export interface ModelLoadEvent {
  role: ModelRole;
  version: string;
  outcome: 'loaded' | 'failed';
  /** For failures: the error code's first detail issue (e.g. `onnx_load_failed`). */
  issue?: string;
}

export interface ModelHolderOptions {
  registry: RegistryReader;
  loadModel: LoadModel;
  logger: Logger;
  /** A version that failed to load is tried again after this long. */
  retryFailedAfterMs?: number;
  /** A replaced model is released this long after the swap. */
  releaseDelayMs?: number;
  now?: () => number;
  onLoad?: (event: ModelLoadEvent) => void;
}

export interface ModelHolder extends DiagnosisModelSource {
  /** Reads the pointers and loads what moved; never throws. Concurrent calls share one run. */
  refresh(): Promise<void>;
  /** Polls `refresh` every `pollMs` (the timer does not keep the process alive). */
  start(pollMs: number): void;
  /** Stops polling and releases every model. */
  close(): Promise<void>;
}

interface Slot {
  model: DiagnosisModel;
}

interface Failure {
  version: string;
  at: number;
  issue: string;
}

const KEEP = Symbol('keep');

function issueOf(error: unknown): string {
  if (error instanceof AppError) {
    return error.details[0]?.issue ?? error.code.toLowerCase();
  }
  return 'load_failed';
}

export function createModelHolder(options: ModelHolderOptions): ModelHolder {
  const { registry, loadModel, logger, onLoad } = options;
  const { retryFailedAfterMs = 60_000, releaseDelayMs = 30_000, now = Date.now } = options;
  let production: Slot | undefined;
  let canary: (Slot & { share: number }) | undefined;
  const failures = new Map<ModelRole, Failure>();
  const retired = new Set<DiagnosisModel>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const retire = (model: DiagnosisModel): void => {
    retired.add(model);
    setTimeout(() => {
      retired.delete(model);
      void model.dispose();
    }, releaseDelayMs).unref();
  };

  const readPointer = async <T>(
    role: ModelRole,
    read: () => Promise<T | null>,
  ): Promise<T | null | typeof KEEP> => {
    try {
      return await read();
    } catch (error) {
      logger.warn(
        { role, error: safeErrorFields(error) },
        'model pointer unreadable; keeping current',
      );
      return KEEP;
    }
  };

  /** Loads `version` for `role`, or returns undefined (failure recorded and logged). */
  const load = async (role: ModelRole, version: string): Promise<DiagnosisModel | undefined> => {
    const failed = failures.get(role);
    if (failed?.version === version && now() - failed.at < retryFailedAfterMs) {
      return undefined;
    }
    try {
      const manifest = await registry.manifest(version);
      const bytes = await readFile(registry.layout.artifact(version, manifest.diagnosis.file));
      const model = await loadModel({ manifest, bytes });
      failures.delete(role);
      onLoad?.({ role, version, outcome: 'loaded' });
      logger.info({ role, version, classes: model.classes.length }, 'diagnosis model loaded');
      return model;
    } catch (error) {
      const issue = issueOf(error);
      failures.set(role, { version, at: now(), issue });
      onLoad?.({ role, version, outcome: 'failed', issue });
      logger.error(
        { role, version, issue, error: safeErrorFields(error) },
        'diagnosis model failed to load; the last good model keeps serving',
      );
      return undefined;
    }
  };

  const refreshProduction = async (pointer: ProductionPointer | null): Promise<void> => {
    if (pointer === null) {
      if (production) {
        logger.warn({ version: production.model.version }, 'production pointer removed; unloading');
        retire(production.model);
        production = undefined;
      }
      failures.delete('production');
      return;
    }
    if (production?.model.version === pointer.version) {
      return;
    }
    const model = await load('production', pointer.version);
    if (model) {
      const previous = production?.model;
      production = { model };
      if (previous) {
        retire(previous);
      }
    }
  };

  const refreshCanary = async (pointer: CanaryPointer | null): Promise<void> => {
    if (pointer === null || pointer.version === production?.model.version) {
      if (canary) {
        retire(canary.model);
        canary = undefined;
      }
      failures.delete('canary');
      return;
    }
    if (canary?.model.version === pointer.version) {
      canary.share = pointer.share;
      return;
    }
    const model = await load('canary', pointer.version);
    if (model) {
      const previous = canary?.model;
      canary = { model, share: pointer.share };
      if (previous) {
        retire(previous);
      }
    }
  };

  const refreshOnce = async (): Promise<void> => {
    const productionPointer = await readPointer('production', () => registry.production());
    if (productionPointer !== KEEP) {
      await refreshProduction(productionPointer);
    }
    const canaryPointer = await readPointer('canary', () => registry.canary());
    if (canaryPointer !== KEEP) {
      await refreshCanary(canaryPointer);
    }
  };

  return {
    refresh() {
      running ??= refreshOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(pollMs) {
      clearInterval(timer);
      timer = setInterval(() => {
        void this.refresh();
      }, pollMs);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      await running;
      const models = [production?.model, canary?.model, ...retired].filter(
        (m): m is DiagnosisModel => m !== undefined,
      );
      production = undefined;
      canary = undefined;
      retired.clear();
      await Promise.all(models.map((m) => m.dispose()));
    },
    select(patientKey) {
      if (
        canary &&
        canaryServes({ patientKey, share: canary.share, canaryVersion: canary.model.version })
      ) {
        return { model: canary.model, role: 'canary' };
      }
      return production ? { model: production.model, role: 'production' } : undefined;
    },
    status(): ModelStatus {
      if (production) {
        return { state: 'loaded', version: production.model.version };
      }
      const failed = failures.get('production');
      return failed ? { state: 'failed', reason: failed.issue } : { state: 'absent' };
    },
  };
}
