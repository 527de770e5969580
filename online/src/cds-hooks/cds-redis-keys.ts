/**
 * The only place CDS Hooks Redis keys are built: issued cards (for feedback) and seen JWT ids (replay
 * protection). One key per card and per token, so they work unchanged on Redis Cluster.
 *   `<prefix>cds:card:<card uuid>` → JSON CardRecord, expires after the feedback window
 *   `<prefix>cds:jti:<sha256(iss, jti)>` → "1", expires when the token does
 */
export interface CdsKeys {
  card(uuid: string): string;
  jti(digest: string): string;
}

export function createCdsKeys(prefix: string): CdsKeys {
  return {
    card: (uuid) => `${prefix}cds:card:${uuid}`,
    jti: (digest) => `${prefix}cds:jti:${digest}`,
  };
}
