import { describe, expectTypeOf, it } from 'vitest';
import { featureRegistry } from '../definitions/registry.js';
import type { OnlineStore } from './online-store.js';
import { onlineStoreContract } from '../testing/online-store-contract.js';
import { MemoryOnlineStore, type MemoryOnlineData } from './memory-online-store.js';

onlineStoreContract('MemoryOnlineStore', () => {
  const data: MemoryOnlineData = new Map();
  return Promise.resolve({
    createStore: (options) => new MemoryOnlineStore({ ...options, data }),
    setRawField: ({ patientId, field, value }) => {
      const hash = data.get(patientId) ?? new Map<string, Uint8Array>();
      hash.set(field, typeof value === 'string' ? new TextEncoder().encode(value) : value);
      data.set(patientId, hash);
      return Promise.resolve();
    },
    teardown: () => Promise.resolve(),
  });
});

describe('the OnlineStore type', () => {
  it('is what a store of the registered views is, so apps can depend on the interface alone', () => {
    expectTypeOf(new MemoryOnlineStore({ registry: featureRegistry })).toExtend<OnlineStore>();
  });
});
