/**
 * The worker process's Prometheus metrics, on a registry main.ts owns. Labels are codes and view
 * names only — never a patient or event id.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface QueueDepth {
  readonly queue: string;
  readonly state: string;
  readonly count: number;
}

export interface NearlineMetrics {
  readonly registry: Registry;
  /** Accepted → online features written, per event. */
  readonly freshness: Histogram<'kind'>;
  readonly eventsProcessed: Counter<'kind'>;
  readonly deadLettered: Counter<'stage' | 'code'>;
  /** Refresh job outcomes: completed, retried (an attempt failed), stalled (its process died), failed. */
  readonly refreshJobs: Counter<'outcome'>;
  /** Events applied per refresh: how much coalescing saved. */
  readonly batchSize: Histogram;
  readonly featureWrites: Counter<'result'>;
  readonly derived: Counter<'view' | 'outcome'>;
  readonly unresolvedCodes: Counter<'field'>;
  readonly encoderLoads: Counter<'result'>;
  /** 1 for the encoder version in use. */
  readonly encoderVersion: Gauge<'version'>;
  readonly lakeRows: Counter<'table'>;
  readonly lakeDuplicatesSkipped: Counter;
  readonly lakeFlushSeconds: Histogram<'result'>;
  /** Stream entries read but not yet in a Parquet file (this process). */
  readonly lakeBuffered: Gauge;
  readonly sweptPatients: Counter;
}

/** Freshness buckets fine enough to read a p95 near the 1 s target. */
export const FRESHNESS_BUCKETS_SECONDS = [
  0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 2, 3,
  5, 10, 30, 60, 300,
];

/** `nearline_queue_jobs`, read at scrape time (registered by startWorkers, which owns the queues). */
export function registerQueueDepthGauge(options: {
  registry: Registry;
  read: () => Promise<readonly QueueDepth[]>;
}): void {
  const { read } = options;
  new Gauge({
    name: 'nearline_queue_jobs',
    help: 'Jobs per nearline queue and state (waiting, active, delayed, failed…), read at scrape time',
    labelNames: ['queue', 'state'],
    registers: [options.registry],
    async collect() {
      this.reset();
      for (const { queue, state, count } of await read()) {
        this.set({ queue, state }, count);
      }
    },
  });
}

export function createNearlineMetrics(options: { registry: Registry }): NearlineMetrics {
  const { registry } = options;
  const registers = [registry];
  return {
    registry,
    freshness: new Histogram({
      name: 'nearline_event_freshness_seconds',
      help: 'Time from an event being accepted to its effect being written to the online store',
      labelNames: ['kind'],
      buckets: FRESHNESS_BUCKETS_SECONDS,
      registers,
    }),
    eventsProcessed: new Counter({
      name: 'nearline_events_processed_total',
      help: 'Events applied to the online features',
      labelNames: ['kind'],
      registers,
    }),
    deadLettered: new Counter({
      name: 'nearline_events_dead_lettered_total',
      help: 'Events moved to the dead-letter queue, by stage and error code',
      labelNames: ['stage', 'code'],
      registers,
    }),
    refreshJobs: new Counter({
      name: 'nearline_refresh_jobs_total',
      help: 'Refresh job attempts by outcome (completed, retried, stalled, failed)',
      labelNames: ['outcome'],
      registers,
    }),
    batchSize: new Histogram({
      name: 'nearline_refresh_batch_events',
      help: 'Events applied by one refresh (coalescing)',
      buckets: [0, 1, 2, 3, 5, 10, 20, 50, 100, 500],
      registers,
    }),
    featureWrites: new Counter({
      name: 'nearline_feature_writes_total',
      help: 'Feature view values written, or skipped because newer data was stored',
      labelNames: ['result'],
      registers,
    }),
    derived: new Counter({
      name: 'nearline_derived_views_total',
      help: 'Derived view recomputations by view and outcome (e.g. embedding no_model)',
      labelNames: ['view', 'outcome'],
      registers,
    }),
    unresolvedCodes: new Counter({
      name: 'nearline_unresolved_codes_total',
      help: 'Codes in applied events the knowledge base could not resolve, by field',
      labelNames: ['field'],
      registers,
    }),
    encoderLoads: new Counter({
      name: 'nearline_encoder_loads_total',
      help: 'Attempts to load the production encoder, by result',
      labelNames: ['result'],
      registers,
    }),
    encoderVersion: new Gauge({
      name: 'nearline_encoder_info',
      help: 'The encoder model version in use (value 1); absent while there is no model',
      labelNames: ['version'],
      registers,
    }),
    lakeRows: new Counter({
      name: 'nearline_lake_rows_total',
      help: 'Rows written to the lake, by table',
      labelNames: ['table'],
      registers,
    }),
    lakeDuplicatesSkipped: new Counter({
      name: 'nearline_lake_duplicates_skipped_total',
      help: 'Stream entries not written because their event id was already in the lake',
      registers,
    }),
    lakeFlushSeconds: new Histogram({
      name: 'nearline_lake_flush_seconds',
      help: 'Time to write, rename and acknowledge one lake flush',
      labelNames: ['result'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    lakeBuffered: new Gauge({
      name: 'nearline_lake_buffered_entries',
      help: 'Stream entries read by this process and not yet written to the lake',
      registers,
    }),
    sweptPatients: new Counter({
      name: 'nearline_swept_patients_total',
      help: 'Patients with waiting events found by the sweep and given a refresh job',
      registers,
    }),
  };
}
