/**
 * Which model serves a patient: the canary for a stable `share` of patients, production otherwise.
 * Hash-based, so every replica routes a patient the same way without coordination.
 */
import { createHash } from 'node:crypto';

export function canaryServes(options: {
  patientKey: string;
  share: number;
  canaryVersion: string;
}): boolean {
  if (options.share <= 0) {
    return false;
  }
  const digest = createHash('sha256')
    .update(`${options.canaryVersion}\u0000${options.patientKey}`)
    .digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000 < options.share;
}
