/**
 * The online store's Redis layout — the ONLY place keys and hash fields are built. Written down in
 * docs/specs/online-store-format.md; change both together.
 *
 *   <prefix>fs:{<patientId>}         hash, one per patient; `{…}` is the Redis Cluster hash tag
 *     <view>:value                   JSON (UTF-8) or raw little-endian float32 bytes
 *     <view>:as_of                   epoch milliseconds, decimal
 *     <view>:version                 the view's version, decimal
 *   <prefix>fs:watermarks            hash: `<view>@v<version>` → epoch ms of the last materialized row
 */
import { AppError } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';

export const DEFAULT_KEY_PREFIX = 'mediassist:';

/** Hash field suffixes; the write script receives whole field names, so they live only here. */
export const FIELD_SUFFIX = { value: ':value', asOf: ':as_of', version: ':version' } as const;

export interface OnlineStoreKeys {
  readonly prefix: string;
  patient(patientId: PatientId): string;
  watermarks(): string;
}

/** Braces in the prefix would become the hash tag and put every patient in one cluster slot. */
export function createOnlineStoreKeys(prefix: string = DEFAULT_KEY_PREFIX): OnlineStoreKeys {
  if (/[{}\s]/.test(prefix)) {
    throw new AppError(
      'CONFIG_INVALID',
      'Online store key prefix must not contain braces or spaces',
    );
  }
  return {
    prefix,
    patient: (patientId) => `${prefix}fs:{${patientId}}`,
    watermarks: () => `${prefix}fs:watermarks`,
  };
}

export interface ViewFields {
  readonly value: string;
  readonly asOf: string;
  readonly version: string;
}

export function viewFields(viewName: string): ViewFields {
  return {
    value: viewName + FIELD_SUFFIX.value,
    asOf: viewName + FIELD_SUFFIX.asOf,
    version: viewName + FIELD_SUFFIX.version,
  };
}

/** The watermark field of one version of a view, e.g. `demographics@v1`. */
export function watermarkField(view: { readonly name: string; readonly version: number }): string {
  return `${view.name}@v${String(view.version)}`;
}
