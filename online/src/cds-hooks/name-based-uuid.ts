/**
 * RFC 9562 name-based UUIDs (version 5, SHA-1) in MediAssist's CDS Hooks namespace: the same name
 * always gives the same id, so feedback re-sent by an EHR becomes the same nearline event id.
 */
import { createHash } from 'node:crypto';

/** MediAssist's namespace for CDS Hooks feedback event ids (a fixed random UUID). */
export const CDS_FEEDBACK_NAMESPACE = '4c0f1b8e-3a7d-4f52-9b61-2d8e5c7a9f13';

export function nameBasedUuid(name: string, namespace: string = CDS_FEEDBACK_NAMESPACE): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
