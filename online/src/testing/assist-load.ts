/**
 * A bounded closed-loop load on `POST /api/v1/assist` for fault runs: `concurrency` loops, each
 * sending one request at a time (unique X-Request-Id, 10 s client deadline) until stopped or
 * `maxRequests` is reached. Every answer is kept with its tier, so a run can say what was served when.
 */
import { randomUUID } from 'node:crypto';

export interface AssistSample {
  requestId: string;
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 when the connection failed or the client deadline passed. */
  status: number;
  tier: string | undefined;
  fallbackReason: string | null | undefined;
  modelVersion: string | null | undefined;
  /** The X-Request-Id the service echoed (a duplicate would show the same id twice). */
  echoedId: string | null;
}

export interface AssistLoad {
  readonly samples: readonly AssistSample[];
  stop(): Promise<readonly AssistSample[]>;
}

export function startAssistLoad(options: {
  base: string;
  apiKey: string;
  body: unknown;
  concurrency: number;
  maxRequests: number;
}): AssistLoad {
  const samples: AssistSample[] = [];
  let stopped = false;
  let sent = 0;
  const loop = async (): Promise<void> => {
    while (!stopped && sent < options.maxRequests) {
      sent++;
      const requestId = randomUUID();
      const startedAt = Date.now();
      const sample: AssistSample = {
        requestId,
        startedAt,
        endedAt: startedAt,
        status: 0,
        tier: undefined,
        fallbackReason: undefined,
        modelVersion: undefined,
        echoedId: null,
      };
      try {
        const res = await fetch(`${options.base}/api/v1/assist`, {
          method: 'POST',
          headers: {
            'X-API-Key': options.apiKey,
            'Content-Type': 'application/json',
            'X-Request-Id': requestId,
          },
          body: JSON.stringify(options.body),
          signal: AbortSignal.timeout(10_000),
        });
        sample.status = res.status;
        sample.echoedId = res.headers.get('X-Request-Id');
        const json = (await res.json()) as {
          provenance?: { tier: string; fallbackReason: string | null; modelVersion: string | null };
        };
        sample.tier = json.provenance?.tier;
        sample.fallbackReason = json.provenance?.fallbackReason;
        sample.modelVersion = json.provenance?.modelVersion;
      } catch {
        // status stays 0: lost
      }
      sample.endedAt = Date.now();
      samples.push(sample);
    }
  };
  const loops = Array.from({ length: options.concurrency }, () => loop());
  return {
    samples,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return samples;
    },
  };
}

/** Sent / answered (HTTP < 500) / lost (5xx or no answer) / duplicated (an id answered twice). */
export function countSamples(samples: readonly AssistSample[]): {
  sent: number;
  answered: number;
  lost: number;
  duplicated: number;
} {
  const answered = samples.filter((s) => s.status > 0 && s.status < 500).length;
  const ids = samples.map((s) => s.echoedId).filter((id): id is string => id !== null);
  return {
    sent: samples.length,
    answered,
    lost: samples.length - answered,
    duplicated: ids.length - new Set(ids).size,
  };
}
