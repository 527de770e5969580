/**
 * The production encoder, followed across promotions: the registry's `production.json` is checked on
 * a timer, a new version is loaded once and swapped in; a version that fails to load (or has the
 * wrong embedding size) is logged and the last good encoder keeps serving.
 */
import type { ModelRegistry } from '@mediassist/feature-store/model-registry';
import { AppError, toAppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import { loadOnnxPatientEncoder, type PatientEncoder } from './patient-encoder.js';

export interface EncoderSource {
  /** The encoder in use, or null while the registry has no production model. */
  current(): PatientEncoder | null;
  /** Checks the registry now (also done on the timer). Never throws. */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export type EncoderLoadEvent =
  | { readonly kind: 'loaded'; readonly version: string }
  | { readonly kind: 'failed'; readonly version: string; readonly code: string };

export interface RegistryEncoderSourceOptions {
  registry: Pick<ModelRegistry, 'production' | 'manifest' | 'layout'>;
  /** The `patient_embedding` view's dimension; an encoder of another size is refused. */
  expectedDimension: number;
  logger: Logger;
  /** How often `production.json` is checked; 0 disables the timer (tests call `refresh`). */
  pollIntervalMs?: number;
  onEvent?: (event: EncoderLoadEvent) => void;
  load?: typeof loadOnnxPatientEncoder;
}

/** How long a replaced encoder stays open for embeddings still running on it. */
const RETIRE_AFTER_MS = 10_000;

export function createRegistryEncoderSource(options: RegistryEncoderSourceOptions): EncoderSource {
  const { registry, expectedDimension, logger, pollIntervalMs = 5_000 } = options;
  const load = options.load ?? loadOnnxPatientEncoder;
  let current: PatientEncoder | null = null;
  let failedVersion: string | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const check = async (): Promise<void> => {
    let version: string | undefined;
    try {
      version = (await registry.production())?.version;
      if (version === undefined || version === current?.version || version === failedVersion) {
        return;
      }
      const manifest = await registry.manifest(version);
      if (manifest.encoder.dimension !== expectedDimension) {
        throw new AppError('MODEL_INVALID', `Encoder of model ${version} has the wrong size`, {
          details: [{ path: 'encoder.dimension', issue: 'dimension_mismatch' }],
        });
      }
      const next = await load({
        version,
        spec: manifest.encoder,
        modelPath: registry.layout.artifact(version, manifest.encoder.file),
      });
      if (closed) {
        await next.close();
        return;
      }
      const previous = current;
      current = next;
      failedVersion = undefined;
      logger.info({ modelVersion: version, previous: previous?.version ?? null }, 'encoder loaded');
      options.onEvent?.({ kind: 'loaded', version });
      if (previous) {
        setTimeout(() => void previous.close().catch(() => undefined), RETIRE_AFTER_MS).unref();
      }
    } catch (thrown) {
      const error = toAppError(thrown);
      failedVersion = version;
      logger.error(
        { modelVersion: version ?? null, code: error.code, details: error.details },
        'encoder not loaded; keeping the previous one',
      );
      if (version !== undefined) {
        options.onEvent?.({ kind: 'failed', version, code: error.code });
      }
    }
  };

  const refresh = (): Promise<void> => {
    running ??= check().finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer =
    pollIntervalMs > 0
      ? setInterval(() => {
          void refresh();
        }, pollIntervalMs)
      : undefined;
  timer?.unref();

  return {
    current: () => current,
    refresh,
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
      await current?.close();
      current = null;
    },
  };
}
