export { defineEntity, patient, type Entity } from './entity.js';
