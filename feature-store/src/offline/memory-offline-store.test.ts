import { offlineStoreContract, OFFLINE_CONTRACT_NOW } from '../testing/offline-store-contract.js';
import { MemoryOfflineStore } from './memory-offline-store.js';

offlineStoreContract('MemoryOfflineStore', () =>
  Promise.resolve({
    store: new MemoryOfflineStore({ clock: () => OFFLINE_CONTRACT_NOW }),
    teardown: () => Promise.resolve(),
  }),
);
