export { onlineStoreContract, type OnlineStoreContractContext } from './online-store-contract.js';
export { samplePatientFeatures, testPatientId } from './sample-features.js';
export {
  OFFLINE_CONTRACT_NOW,
  offlineStoreContract,
  readAllLatest,
  type OfflineStoreContractContext,
} from './offline-store-contract.js';
