/** The in-memory online store: Redis's hash layout in Maps, with the same semantics. For tests and local runs. */
import type { PatientId } from '@mediassist/shared/ids';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type { FeatureRegistry } from '../definitions/registry.js';
import { columnValue, isPatientIdBytes } from './encoded-column.js';
import { encodeFeatureWrites } from './encode-writes.js';
import type {
  EncodedFeatureBatch,
  FeatureState,
  FeatureWrites,
  OnlineStore,
  PatientFeatures,
  PatientFeatureWrite,
  ReadOptions,
  ViewRef,
  WatermarkStore,
  WriteOutcome,
  WriteSummary,
} from './online-store.js';
import { viewFields, watermarkField } from './redis-keys.js';
import { decodeStoredView, parseStoredNumber, shouldReplace } from './stored-view.js';
import { AppError } from '@mediassist/shared/errors';
import { settle } from '../settle.js';

/** Patient id → hash field → stored bytes (exactly what Redis would hold). */
export type MemoryOnlineData = Map<string, Map<string, Uint8Array>>;

export interface MemoryOnlineStoreOptions<TView extends AnyFeatureView> {
  registry: FeatureRegistry<TView>;
  /** Pass a map to inspect or tamper with what is stored (tests). */
  data?: MemoryOnlineData;
  /** The clock used when a read or write gives no `now`. */
  clock?: () => Date;
}

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

export class MemoryOnlineStore<TView extends AnyFeatureView> implements OnlineStore<TView> {
  readonly registry: FeatureRegistry<TView>;
  readonly watermarks: WatermarkStore;
  readonly #data: MemoryOnlineData;
  readonly #clock: () => Date;

  constructor(options: MemoryOnlineStoreOptions<TView>) {
    this.registry = options.registry;
    this.#data = options.data ?? new Map<string, Map<string, Uint8Array>>();
    this.#clock = options.clock ?? (() => new Date());
    const marks = new Map<string, number>();
    this.watermarks = {
      get: (view: ViewRef) => Promise.resolve(dateOrNull(marks.get(watermarkField(view)))),
      set: (view: ViewRef, at: Date) => {
        marks.set(watermarkField(view), at.getTime());
        return Promise.resolve();
      },
    };
  }

  write(
    patientId: PatientId,
    features: FeatureWrites<TView>,
  ): Promise<WriteOutcome<TView['name']>> {
    return settle(() => this.#write(patientId, features));
  }

  writeMany(batch: readonly PatientFeatureWrite<TView>[]): Promise<WriteSummary> {
    return settle(() =>
      this.#writeEncoded(
        encodeFeatureWrites({ registry: this.registry, batch, nowMs: this.#clock().getTime() }),
      ),
    );
  }

  writeEncoded(batch: EncodedFeatureBatch): Promise<WriteSummary> {
    return settle(() => this.#writeEncoded(batch));
  }

  read<TName extends TView['name'] = TView['name']>(
    patientId: PatientId,
    viewNames?: readonly TName[],
    options: ReadOptions = {},
  ): Promise<PatientFeatures<Extract<TView, { name: TName }>>> {
    return settle(() => this.#read(patientId, viewNames, options));
  }

  delete(patientId: PatientId): Promise<boolean> {
    return settle(() => this.#data.delete(patientId));
  }

  #write(patientId: PatientId, features: FeatureWrites<TView>): WriteOutcome<TView['name']> {
    const batch = encodeFeatureWrites({
      registry: this.registry,
      batch: [{ patientId, features }],
      nowMs: this.#clock().getTime(),
    });
    const written: TView['name'][] = [];
    const skipped: TView['name'][] = [];
    this.#apply(batch, (view, stored) => {
      (stored ? written : skipped).push(view.name);
    });
    return { written, skipped };
  }

  #writeEncoded(batch: EncodedFeatureBatch): WriteSummary {
    for (const column of batch.views) {
      if (!this.registry.find(column.view.name)) {
        throw new AppError('VALIDATION_FAILED', `Unknown feature view ${column.view.name}`);
      }
    }
    let written = 0;
    let skipped = 0;
    this.#apply(batch, (_view, stored) => {
      if (stored) {
        written += 1;
      } else {
        skipped += 1;
      }
    });
    return { patients: batch.rows, written, skipped };
  }

  #read<TName extends TView['name']>(
    patientId: PatientId,
    viewNames: readonly TName[] | undefined,
    options: ReadOptions,
  ): PatientFeatures<Extract<TView, { name: TName }>> {
    const readAt = options.now ?? this.#clock();
    const hash = this.#data.get(patientId);
    const names = viewNames ?? (this.registry.names as readonly TName[]);
    const features: Record<string, FeatureState<unknown>> = {};
    for (const name of names) {
      const view = this.registry.get(name);
      const fields = viewFields(view.name);
      features[name] = decodeStoredView({
        view,
        stored: {
          value: hash?.get(fields.value),
          asOf: hash?.get(fields.asOf),
          version: hash?.get(fields.version),
        },
        nowMs: readAt.getTime(),
      });
    }
    return {
      patientId,
      readAt,
      features: features as PatientFeatures<Extract<TView, { name: TName }>>['features'],
    };
  }

  #apply(
    batch: EncodedFeatureBatch,
    onView: (view: AnyFeatureView, stored: boolean) => void,
  ): void {
    const patientIds = Array.from({ length: batch.rows }, (_, row) => {
      const idBytes = columnValue(batch.patientIds, row);
      if (!isPatientIdBytes(idBytes)) {
        throw new AppError('VALIDATION_FAILED', 'Invalid patient id in encoded batch', {
          details: [{ path: `patientIds[${String(row)}]`, issue: 'invalid_format' }],
        });
      }
      return textDecoder.decode(idBytes);
    });
    patientIds.forEach((patientId, row) => {
      for (const column of batch.views) {
        const asOfMs = column.asOfMs[row] ?? Number.NaN;
        if (Number.isNaN(asOfMs)) {
          continue;
        }
        let hash = this.#data.get(patientId);
        const fields = viewFields(column.view.name);
        const replace = shouldReplace({
          stored: {
            version: parseStoredNumber(hash?.get(fields.version)),
            asOfMs: parseStoredNumber(hash?.get(fields.asOf)),
          },
          incoming: { version: column.view.version, asOfMs },
        });
        if (replace) {
          if (!hash) {
            hash = new Map();
            this.#data.set(patientId, hash);
          }
          hash.set(fields.value, columnValue(column.values, row).slice());
          hash.set(fields.asOf, textEncoder.encode(String(asOfMs)));
          hash.set(fields.version, textEncoder.encode(String(column.view.version)));
        }
        onView(column.view, replace);
      }
    });
  }
}

function dateOrNull(ms: number | undefined): Date | null {
  return ms === undefined ? null : new Date(ms);
}
