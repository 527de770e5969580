/** What readiness needs to know about the diagnosis model; the assist route's model holder provides it. */

export type ModelStatus =
  { state: 'loaded'; version: string } | { state: 'absent' } | { state: 'failed'; reason: string };

export interface ModelStatusSource {
  status(): ModelStatus;
}
