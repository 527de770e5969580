export { onlineStoreContract, type OnlineStoreContractContext } from './online-store-contract.js';
export { samplePatientFeatures, testPatientId } from './sample-features.js';
