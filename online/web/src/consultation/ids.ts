/**
 * Ids the browser makes: event ids (UUID v4, the nearline idempotency key) and the consultation's
 * encounter pseudonym. The app is not told the EHR's encounter, so each consultation opened here gets
 * a random `en_` id; random bytes carry nothing about the patient.
 */

export type RandomBytes = (length: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (length) =>
  globalThis.crypto.getRandomValues(new Uint8Array(length));

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** RFC 4122 version 4 (works on plain-http hosts, where `crypto.randomUUID` is unavailable). */
export function uuidV4(random: RandomBytes = cryptoRandomBytes): string {
  const bytes = random(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function newEncounterId(random: RandomBytes = cryptoRandomBytes): string {
  return `en_${hex(random(16))}`;
}

const PSEUDONYM = /^pt_[0-9a-f]{32}$/;

/** What the doctor typed in the patient box: a pseudonym, or else an EHR id. */
export function patientRefOf(input: string): { pseudonym: string } | { sourceId: string } | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 128) {
    return null;
  }
  return PSEUDONYM.test(text) ? { pseudonym: text } : { sourceId: text };
}
